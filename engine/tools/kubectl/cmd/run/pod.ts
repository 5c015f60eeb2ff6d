import { UsageError } from '../../cli/command.ts';
import type { RunContext } from '../../cli/command.ts';
import { WrappedError } from '../create/common.ts';
import { make, objectMeta } from '../create/meta.ts';
import type { KObject } from '../../../../api/types.ts';

/**
 * The pod `kubectl run` generates (the run-pod/v1 generator) and the service
 * of --expose, with kubectl's checks on their flags.
 */

const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?';
/** REFERENCE is docker's reference.ReferenceRegexp. */
export const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}))?$`);

/** parseLabels is generate.ParseLabels: "k=v,k2=v2". */
export function parseLabels(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new WrappedError(`invalid label spec: ${part}`);
    out[kv[0]!] = kv[1]!;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function parseEnvs(envs: string[]): { name: string; value: string }[] {
  return envs.map((e) => {
    const i = e.indexOf('=');
    const name = i < 0 ? '' : e.slice(0, i);
    if (i < 0 || !name || !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new WrappedError(`invalid env: ${e}`);
    return { name, value: e.slice(i + 1) };
  });
}

/** restartPolicy is getRestartPolicy: empty means Always, or OnFailure for interactive pods. */
export function restartPolicy(c: RunContext, interactive: boolean): string {
  const r = c.flag<string>('restart');
  if (!r) return interactive ? 'OnFailure' : 'Always';
  if (['Always', 'OnFailure', 'Never'].includes(r)) return r;
  throw new UsageError(`invalid restart policy: ${r}`);
}

/** generatePod builds the pod `kubectl run NAME` would create. */
export function generatePod(c: RunContext, name: string, args: string[], restart: string, namespace: string | undefined): KObject {
  const labelsText = c.flag<string>('labels');
  const labels = labelsText ? parseLabels(labelsText) : { run: name };
  const ann: Record<string, string> = {};
  for (const a of c.flag<string[]>('annotations')) {
    const i = a.indexOf('=');
    if (i < 0) throw new WrappedError(`invalid annotation spec: ${a}`);
    ann[a.slice(0, i)] = a.slice(i + 1);
  }
  const stdin = c.flag<boolean>('stdin');
  const tty = c.flag<boolean>('tty');
  const ct: Record<string, unknown> = { name, image: c.flag<string>('image') };
  if (args.length) ct[c.flag<boolean>('command') ? 'command' : 'args'] = args;
  const port = c.flag<string>('port');
  if (port) {
    if (!/^[+-]?\d+$/.test(port)) throw new WrappedError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
    ct.ports = [{ containerPort: Number(port) }];
  }
  const envs = parseEnvs(c.flag<string[]>('env'));
  if (envs.length) ct.env = envs;
  ct.resources = {};
  if (c.flag<string>('image-pull-policy')) ct.imagePullPolicy = c.flag<string>('image-pull-policy');
  if (c.flag<boolean>('privileged')) ct.securityContext = { privileged: true };
  if (stdin) {
    ct.stdin = true;
    if (!c.flag<boolean>('leave-stdin-open')) ct.stdinOnce = true;
  }
  if (tty) ct.tty = true;
  const spec: Record<string, unknown> = { containers: [ct], restartPolicy: restart, dnsPolicy: 'ClusterFirst' };
  const sortedAnn = Object.fromEntries(Object.entries(ann).sort(([a], [b]) => (a < b ? -1 : 1)));
  return make('v1', 'Pod', { metadata: objectMeta(name, namespace, labels, sortedAnn), spec, status: {} });
}

/** exposeService is the service --expose creates beside the pod. */
export function exposeService(name: string, port: number, selector: Record<string, string>, namespace: string | undefined): KObject {
  return make('v1', 'Service', {
    metadata: objectMeta(name, namespace),
    spec: { ports: [{ protocol: 'TCP', port, targetPort: port }], selector },
    status: { loadBalancer: {} },
  });
}
