import { intQuantity, type Quantity } from '../../../base/quantity.ts';
import type { KObject } from '../../../api/types.ts';
import { podResources, q, resourceList, type ResourceList } from '../resources.ts';
import { list, rec, str } from '../util.ts';

/**
 * Usage evaluators of pkg/quota/v1/evaluator/core: what one object counts
 * against a ResourceQuota, and which quota resource names each kind knows.
 */

const ONE = intQuantity(1);
const COMPUTE_VALIDATED = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];
const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

/** countName is the generic object-count resource: count/configmaps, count/deployments.apps. */
export function countName(group: string, plural: string): string {
  return group ? `count/${plural}.${group}` : `count/${plural}`;
}

/** computeUsage is podComputeUsageHelper: what a set of requests and limits counts as. */
export function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = new Map([['pods', ONE]]);
  const pair = (name: string) => {
    const r = requests.get(name);
    if (r) out.set(name, r).set(`requests.${name}`, r);
    const l = limits.get(name);
    if (l) out.set(`limits.${name}`, l);
  };
  pair('cpu');
  pair('memory');
  pair('ephemeral-storage');
  for (const [name, r] of requests) {
    if (name.startsWith('hugepages-')) out.set(name, r).set(`requests.${name}`, r);
    else if (name.includes('/') && !name.startsWith('kubernetes.io/') && !name.startsWith('requests.')) out.set(`requests.${name}`, r);
  }
  return out;
}

/** podIsTerminal: Succeeded/Failed pods (and ones past their grace) stop counting compute resources. */
function podIsTerminal(pod: KObject): boolean {
  const phase = str(rec(pod.status).phase);
  return phase === 'Succeeded' || phase === 'Failed';
}

/** podUsage is PodUsageFunc. */
export function podUsage(pod: KObject): ResourceList {
  const out: ResourceList = new Map([['count/pods', ONE]]);
  if (podIsTerminal(pod)) return out;
  const spec = pod.spec;
  for (const [k, v] of computeUsage(podResources(spec, 'requests'), podResources(spec, 'limits'))) out.set(k, v);
  return out;
}

/** missingComputeResources is the pod evaluator's Constraints: containers that must state each quota'd cpu/memory value. */
export function missingComputeResources(pod: KObject, required: string[]): string | undefined {
  const want = required.filter((r) => COMPUTE_VALIDATED.includes(r));
  if (!want.length) return undefined;
  const missing = new Map<string, Set<string>>();
  const spec = rec(pod.spec);
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    const r = rec(c.resources);
    const have = computeUsage(resourceList(r.requests), resourceList(r.limits));
    for (const name of want) {
      if (have.has(name)) continue;
      if (!missing.has(name)) missing.set(name, new Set());
      missing.get(name)!.add(str(c.name));
    }
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((k) => `${k} for: ${[...missing.get(k)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/** serviceUsage counts services, node ports and load balancers. */
export function serviceUsage(svc: KObject): ResourceList {
  const spec = rec(svc.spec);
  const type = str(spec.type) || 'ClusterIP';
  const out: ResourceList = new Map([
    ['count/services', ONE],
    ['services', ONE],
  ]);
  const ports = list(spec.ports).length;
  if (type === 'NodePort' || type === 'LoadBalancer') out.set('services.nodeports', intQuantity(ports));
  else out.set('services.nodeports', intQuantity(0));
  out.set('services.loadbalancers', intQuantity(type === 'LoadBalancer' ? 1 : 0));
  return out;
}

/** pvcUsage counts claims and requested storage, overall and per storage class. */
export function pvcUsage(pvc: KObject): ResourceList {
  const spec = rec(pvc.spec);
  const out: ResourceList = new Map([
    ['count/persistentvolumeclaims', ONE],
    ['persistentvolumeclaims', ONE],
  ]);
  const cls = str(spec.storageClassName) || pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] || '';
  if (cls) out.set(`${cls}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, ONE);
  const storage = q(rec(rec(spec.resources).requests).storage);
  if (storage) {
    out.set('requests.storage', storage);
    if (cls) out.set(`${cls}${STORAGE_CLASS_SUFFIX}requests.storage`, storage);
  }
  return out;
}

/** LEGACY_COUNTS are the pre-"count/" names of core object counts. */
const LEGACY_COUNTS: Record<string, string> = {
  configmaps: 'configmaps',
  secrets: 'secrets',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

/** usageOf computes what obj of group/plural counts; undefined when nothing counts it. */
export function usageOf(group: string, plural: string, obj: KObject): ResourceList {
  if (group === '' && plural === 'pods') return podUsage(obj);
  if (group === '' && plural === 'services') return serviceUsage(obj);
  if (group === '' && plural === 'persistentvolumeclaims') return pvcUsage(obj);
  const out: ResourceList = new Map([[countName(group, plural), ONE]]);
  if (group === '' && LEGACY_COUNTS[plural]) out.set(LEGACY_COUNTS[plural]!, ONE);
  return out;
}

/** matches reports whether a quota resource name is one this kind's evaluator tracks. */
export function matchesResource(group: string, plural: string, name: string): boolean {
  if (name === countName(group, plural)) return true;
  if (group !== '') return false;
  if (plural === 'pods') {
    if (['pods', 'cpu', 'memory', 'ephemeral-storage'].includes(name)) return true;
    if (/^(requests|limits)\.(cpu|memory|ephemeral-storage)$/.test(name)) return true;
    if (name.startsWith('hugepages-') || name.startsWith('requests.hugepages-')) return true;
    return name.startsWith('requests.') && name.includes('/');
  }
  if (plural === 'services') return ['services', 'services.nodeports', 'services.loadbalancers'].includes(name);
  if (plural === 'persistentvolumeclaims') {
    if (name === 'persistentvolumeclaims' || name === 'requests.storage') return true;
    return name.includes(STORAGE_CLASS_SUFFIX);
  }
  return LEGACY_COUNTS[plural] === name;
}

/** handlesOperation: object counts and pods are charged on create; services and claims also on update. */
export function handlesOperation(group: string, plural: string, op: string): boolean {
  if (op === 'CREATE') return true;
  return op === 'UPDATE' && group === '' && (plural === 'services' || plural === 'persistentvolumeclaims');
}

/** subtract computes a - b for the names in a (quota.Subtract). */
export function subtract(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of a) out.set(k, b.has(k) ? v.sub(b.get(k)!) : v);
  return out;
}

/** prettyPrint is the quota's "k=v,k=v" text, sorted by name. */
export function prettyPrint(m: Map<string, Quantity>): string {
  return [...m.keys()].sort().map((k) => `${k}=${m.get(k)!.toString()}`).join(',');
}
