/**
 * A field table of KubeSchedulerConfiguration v1 for strict decoding: the
 * real scheduler loads --config with a strict decoder, so a misspelt field
 * is an error ("strict decoding error: unknown field …"), not ignored.
 */

type Shape = 'any' | { [field: string]: Shape } | [Shape];

const PLUGIN: Shape = { name: 'any', weight: 'any' };
const PLUGIN_SET: Shape = { enabled: [PLUGIN], disabled: [PLUGIN] };
const PLUGINS: Shape = Object.fromEntries(['preEnqueue', 'queueSort', 'preFilter', 'filter', 'postFilter', 'preScore', 'score', 'reserve', 'permit', 'preBind', 'bind', 'postBind', 'multiPoint'].map((k) => [k, PLUGIN_SET]));

const CONFIG: Shape = {
  apiVersion: 'any',
  kind: 'any',
  parallelism: 'any',
  leaderElection: { leaderElect: 'any', leaseDuration: 'any', renewDeadline: 'any', retryPeriod: 'any', resourceLock: 'any', resourceName: 'any', resourceNamespace: 'any' },
  clientConnection: { kubeconfig: 'any', acceptContentTypes: 'any', contentType: 'any', qps: 'any', burst: 'any' },
  healthzBindAddress: 'any',
  metricsBindAddress: 'any',
  debuggingConfiguration: { enableProfiling: 'any', enableContentionProfiling: 'any' },
  percentageOfNodesToScore: 'any',
  podInitialBackoffSeconds: 'any',
  podMaxBackoffSeconds: 'any',
  profiles: [{ schedulerName: 'any', percentageOfNodesToScore: 'any', plugins: PLUGINS, pluginConfig: [{ name: 'any', args: 'any' }] }],
  extenders: 'any',
  delayCacheUntilActive: 'any',
};

function walk(v: unknown, shape: Shape, path: string, out: string[]): void {
  if (shape === 'any' || v === null || v === undefined) return;
  if (Array.isArray(shape)) {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, shape[0], `${path}[${i}]`, out));
    return;
  }
  if (typeof v !== 'object' || Array.isArray(v)) return;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    const sub = shape[k];
    if (sub === undefined) out.push(`unknown field "${p}"`);
    else walk(x, sub, p, out);
  }
}

/** unknownFields lists the fields the strict decoder would reject, as it names them. */
export function unknownFields(doc: unknown): string[] {
  const out: string[] = [];
  walk(doc, CONFIG, '', out);
  return out;
}
