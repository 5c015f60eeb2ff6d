import type { KObject } from '../../../../api/types.ts';
import { pathFor } from '../../../../client/client.ts';
import { R } from '../../../../client/refs.ts';
import type { RunContext } from '../../cli/command.ts';
import { withDiscovery } from '../root/discovery-failure.ts';

interface Container { name: string }
interface PodSpec { containers?: Container[]; initContainers?: Container[]; ephemeralContainers?: Container[] }

/** selectorOf turns a workload's spec.selector into a label-selector string. */
export function selectorOf(obj: KObject): string {
  const spec = (obj.spec ?? {}) as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | Record<string, string> };
  const sel = spec.selector ?? {};
  if (obj.kind === 'Service' || obj.kind === 'ReplicationController') return Object.entries(sel as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(',');
  const s = sel as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** podRank orders candidate pods as kubectl's ActivePods sort does, best first (running, ready, older). */
function podRank(a: KObject, b: KObject): number {
  const phase = (p: KObject) => ({ Running: 0, Pending: 1, Unknown: 2 } as Record<string, number>)[(p.status as { phase?: string } | undefined)?.phase ?? ''] ?? 3;
  const ready = (p: KObject) => ((p.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1;
  return phase(a) - phase(b) || ready(a) - ready(b) || String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? '')) || (a.metadata.name! < b.metadata.name! ? -1 : 1);
}

/** SELECTABLE are the kinds kubectl's SelectorsForObject finds pods for; any other kind has no pods to pick from. */
const SELECTABLE = new Set(['apps/ReplicaSet', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/Deployment', 'batch/Job', '/ReplicationController', '/Service']);

/**
 * podsSelector is the selector of the pods a workload or service stands for,
 * or kubectl's error for an object that has none (Go names the type as %T
 * does: "*v1.CronJob").
 */
function podsSelector(owner: KObject, res: { group: string; version: string; kind: string }): { selector?: string; error?: string } {
  if (!SELECTABLE.has(`${res.group}/${res.kind}`)) return { error: `selector for *${res.version}.${res.kind} not implemented` };
  if (res.kind === 'Service' && Object.keys((owner.spec as { selector?: object } | undefined)?.selector ?? {}).length === 0) {
    return { error: `invalid service '${owner.metadata.name}': Service is defined without a selector` };
  }
  return { selector: selectorOf({ ...owner, kind: res.kind }) };
}

/**
 * resolvePod finds the pod a command names: POD, pod/NAME or TYPE/NAME of a
 * workload or service. `logs` picks among several pods and says which on
 * stderr; exec, attach and port-forward pick silently (kubectl's attachable
 * pod). Each words a kind without pods its own way.
 */
export function resolvePod(c: RunContext, arg: string, ns: string, purpose: 'logs' | 'attach' = 'attach'): KObject {
  const client = c.f.client();
  const slash = arg.indexOf('/');
  if (slash < 0) {
    withDiscovery(c, 4, () => c.f.discovery().resolve('pods'));
    return client.get(R.pods, ns, arg);
  }
  const res = withDiscovery(c, 4, () => c.f.discovery().resolve(arg.slice(0, slash)));
  const name = arg.slice(slash + 1);
  if (res.plural === 'pods' && res.group === '') return client.get(R.pods, ns, name);
  const owner = client.get(res, ns, name);
  const { selector, error } = podsSelector(owner, res);
  if (error !== undefined) throw new Error(`${purpose === 'logs' ? 'cannot get the logs from' : 'cannot attach to'} *${res.version}.${res.kind}: ${error}`);
  const pods = client.call<{ items: KObject[] }>({ method: 'GET', path: pathFor(R.pods, ns), query: { labelSelector: selector! } }).items;
  // kubectl waits --pod-running-timeout for a first pod, then gives up
  if (pods.length === 0) throw new Error('timed out waiting for the condition');
  const sorted = [...pods].sort(podRank);
  if (pods.length > 1 && purpose === 'logs') c.err(`Found ${pods.length} pods, using pod/${sorted[0]!.metadata.name}\n`);
  return sorted[0]!;
}

/** containerNames lists a pod's containers, init containers first when all are wanted. */
export function containerNames(pod: KObject, withInit: boolean): string[] {
  const spec = (pod.spec ?? {}) as PodSpec;
  return [...(withInit ? (spec.initContainers ?? []).map((x) => x.name) : []), ...(spec.containers ?? []).map((x) => x.name), ...(withInit ? (spec.ephemeralContainers ?? []).map((x) => x.name) : [])];
}

/**
 * defaultContainer picks the container when -c is absent: the
 * kubectl.kubernetes.io/default-container annotation, else the first one,
 * telling stderr which one when there was a choice.
 */
export function defaultContainer(c: RunContext, pod: KObject): string {
  const spec = (pod.spec ?? {}) as PodSpec;
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && (spec.containers ?? []).some((x) => x.name === annotated)) return annotated;
  const first = spec.containers?.[0]?.name ?? '';
  const all = [...(spec.containers ?? []).map((x) => x.name), ...(spec.initContainers ?? []).map((x) => `${x.name} (init)`), ...(spec.ephemeralContainers ?? []).map((x) => `${x.name} (ephem)`)];
  if (all.length > 1) c.err(`Defaulted container "${first}" out of: ${all.join(', ')}\n`);
  return first;
}
