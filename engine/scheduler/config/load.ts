import { parse } from 'yaml';
import { goDurationError, parseGoDuration } from '../../base/go-duration.ts';
import { IN_TREE_PLUGINS } from '../plugins/registry.ts';
import { DEFAULT_SCHEDULER_NAME, defaultPluginConfig, defaultProfilePlugins, defaultSchedulerConfig } from './defaults.ts';
import { unknownFields } from './strict.ts';
import { emptyPlugins, EXTENSION_POINTS, type PluginConfig, type Plugins, type Profile, type SchedulerConfiguration } from './types.ts';

/** CONFIG_API_VERSION is the only version 1.34 still serves. */
export const CONFIG_API_VERSION = 'kubescheduler.config.k8s.io/v1';

/** parseDuration is time.ParseDuration for the leader-election durations of a config ("15s", "1m30s"); undefined when malformed. */
export function parseDuration(s: string): number | undefined {
  return parseGoDuration(s.trim());
}

type Doc = Record<string, unknown>;

function pluginsOf(raw: unknown): Plugins {
  const out = emptyPlugins();
  const r = (raw ?? {}) as Record<string, { enabled?: { name: string; weight?: number }[]; disabled?: { name: string }[] } | undefined>;
  for (const e of EXTENSION_POINTS) out[e] = { enabled: [...(r[e]?.enabled ?? [])], disabled: [...(r[e]?.disabled ?? [])] };
  return out;
}

const GO_INTERFACE: Record<string, string> = { preEnqueue: 'PreEnqueuePlugin', queueSort: 'QueueSortPlugin', preFilter: 'PreFilterPlugin', filter: 'FilterPlugin', postFilter: 'PostFilterPlugin', preScore: 'PreScorePlugin', score: 'ScorePlugin', reserve: 'ReservePlugin', permit: 'PermitPlugin', preBind: 'PreBindPlugin', bind: 'BindPlugin', postBind: 'PostBindPlugin', multiPoint: 'PreFilterPlugin' };

function checkPluginsExist(p: Profile): string | undefined {
  for (const e of EXTENSION_POINTS) {
    for (const ref of p.plugins[e].enabled) {
      if (!(ref.name in IN_TREE_PLUGINS)) return `initializing profiles: creating profile for scheduler name ${p.schedulerName}: ${GO_INTERFACE[e]} "${ref.name}" does not exist`;
    }
  }
  return undefined;
}

function validate(c: SchedulerConfiguration): string[] {
  const errs: string[] = [];
  if (c.parallelism <= 0) errs.push(`parallelism: Invalid value: ${c.parallelism}: should be an integer value greater than zero`);
  if (c.percentageOfNodesToScore < 0 || c.percentageOfNodesToScore > 100) errs.push(`percentageOfNodesToScore: Invalid value: ${c.percentageOfNodesToScore}: not in valid range [0-100]`);
  if (c.podInitialBackoffSeconds <= 0) errs.push(`podInitialBackoffSeconds: Invalid value: ${c.podInitialBackoffSeconds}: must be greater than 0`);
  if (c.podMaxBackoffSeconds < c.podInitialBackoffSeconds) errs.push(`podMaxBackoffSeconds: Invalid value: ${c.podMaxBackoffSeconds}: must be greater than or equal to PodInitialBackoffSeconds`);
  const seen = new Set<string>();
  c.profiles.forEach((p, i) => {
    if (!p.schedulerName) errs.push(`profiles[${i}].schedulerName: Required value`);
    else if (seen.has(p.schedulerName)) errs.push(`profiles[${i}].schedulerName: Duplicate value: "${p.schedulerName}"`);
    seen.add(p.schedulerName);
    if (p.percentageOfNodesToScore !== undefined && (p.percentageOfNodesToScore < 0 || p.percentageOfNodesToScore > 100)) {
      errs.push(`profiles[${i}].percentageOfNodesToScore: Invalid value: ${p.percentageOfNodesToScore}: not in valid range [0-100]`);
    }
  });
  return errs;
}

/** LoadResult is a configuration or the error the scheduler would exit with. */
export type LoadResult = { config: SchedulerConfiguration } | { error: string };

/**
 * loadSchedulerConfig reads a --config file: YAML or JSON, strict fields,
 * v1 defaulting (profiles merged with the default plugins, default plugin
 * args) and validation, with the scheduler's error texts.
 */
export function loadSchedulerConfig(text: string): LoadResult {
  let doc: Doc;
  try {
    doc = (parse(text) ?? {}) as Doc;
  } catch (e) {
    return { error: `couldn't decode as KubeSchedulerConfiguration: ${(e as Error).message}` };
  }
  if (typeof doc !== 'object' || Array.isArray(doc)) return { error: "couldn't decode as KubeSchedulerConfiguration" };
  if (!doc.kind) return { error: `Object 'Kind' is missing in '${JSON.stringify(doc)}'` };
  if (doc.kind !== 'KubeSchedulerConfiguration' || doc.apiVersion !== CONFIG_API_VERSION) {
    return { error: `no kind "${String(doc.kind)}" is registered for version "${String(doc.apiVersion ?? '')}" in scheme "k8s.io/kubernetes/pkg/scheduler/apis/config/scheme/scheme.go:30"` };
  }
  const unknown = unknownFields(doc);
  if (unknown.length) return { error: `strict decoding error: ${unknown.join(', ')}` };
  const c = defaultSchedulerConfig();
  const le = (doc.leaderElection ?? {}) as Doc;
  if (typeof le.leaderElect === 'boolean') c.leaderElection.leaderElect = le.leaderElect;
  for (const [k, f] of [['leaseDuration', 'leaseDurationMs'], ['renewDeadline', 'renewDeadlineMs'], ['retryPeriod', 'retryPeriodMs']] as const) {
    if (le[k] === undefined) continue;
    const ms = parseDuration(String(le[k]));
    if (ms === undefined) return { error: goDurationError(String(le[k])) ?? `time: invalid duration "${String(le[k])}"` };
    c.leaderElection[f] = ms;
  }
  for (const k of ['resourceLock', 'resourceName', 'resourceNamespace'] as const) if (typeof le[k] === 'string' && le[k]) c.leaderElection[k] = le[k] as string;
  const cc = (doc.clientConnection ?? {}) as Doc;
  if (typeof cc.kubeconfig === 'string') c.clientConnection.kubeconfig = cc.kubeconfig;
  for (const k of ['parallelism', 'percentageOfNodesToScore', 'podInitialBackoffSeconds', 'podMaxBackoffSeconds'] as const) if (typeof doc[k] === 'number') c[k] = doc[k] as number;
  const rawProfiles = Array.isArray(doc.profiles) ? (doc.profiles as Doc[]) : [];
  if (rawProfiles.length) {
    c.profiles = rawProfiles.map((rp) => {
      const plugins = defaultProfilePlugins(pluginsOf(rp.plugins));
      const given = ((rp.pluginConfig ?? []) as PluginConfig[]).map((pc) => ({ name: pc.name, args: (pc.args ?? {}) as Record<string, unknown> }));
      return { schedulerName: rp.schedulerName == null ? (rawProfiles.length === 1 ? DEFAULT_SCHEDULER_NAME : '') : String(rp.schedulerName), percentageOfNodesToScore: typeof rp.percentageOfNodesToScore === 'number' ? rp.percentageOfNodesToScore : undefined, plugins, pluginConfig: defaultPluginConfig(plugins, given) };
    });
  }
  const errs = validate(c);
  if (errs.length === 1) return { error: errs[0]! };
  if (errs.length > 1) return { error: `[${errs.join(', ')}]` };
  for (const p of c.profiles) {
    const e = checkPluginsExist(p);
    if (e) return { error: e };
  }
  return { config: c };
}
