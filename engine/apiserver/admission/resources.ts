import { quantityOf, type Quantity } from '../../base/quantity.ts';
import { list, rec } from '../../api/validation/util.ts';

/** ResourceList is a name → Quantity map read from JSON (bad quantities are skipped: validation reports them). */
export type ResourceList = Map<string, Quantity>;

/** q reads one JSON quantity, or undefined. */
export function q(v: unknown): Quantity | undefined {
  try {
    return v === undefined || v === null ? undefined : quantityOf(v);
  } catch {
    return undefined;
  }
}

/** resourceList reads a JSON ResourceList. */
export function resourceList(v: unknown): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, val] of Object.entries(rec(v))) {
    const x = q(val);
    if (x) out.set(k, x);
  }
  return out;
}

/** addTo adds quantities into acc (quota.Add). */
export function addTo(acc: ResourceList, more: ResourceList): ResourceList {
  for (const [k, v] of more) acc.set(k, acc.has(k) ? acc.get(k)!.add(v) : v);
  return acc;
}

/** maxInto keeps the larger of each quantity (quota.Max). */
export function maxInto(acc: ResourceList, other: ResourceList): ResourceList {
  for (const [k, v] of other) {
    const cur = acc.get(k);
    if (!cur || v.cmp(cur) > 0) acc.set(k, v);
  }
  return acc;
}

/**
 * podResources is the pod's effective requests or limits as the apiserver
 * computes them (resourcehelper.PodRequests/PodLimits): the sum over
 * containers, raised to any larger init container; restartable (sidecar) init
 * containers add to the sum.
 */
export function podResources(spec: unknown, which: 'requests' | 'limits'): ResourceList {
  const s = rec(spec);
  const sum: ResourceList = new Map();
  for (const c of list(s.containers)) addTo(sum, resourceList(rec(c.resources)[which]));
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of list(s.initContainers)) {
    const r = resourceList(rec(c.resources)[which]);
    if (c.restartPolicy === 'Always') {
      addTo(sum, r);
      addTo(sidecars, r);
    } else {
      const withSidecars = addTo(new Map(sidecars), r);
      maxInto(initMax, withSidecars);
    }
  }
  maxInto(sum, initMax);
  const overhead = resourceList(s.overhead);
  if (overhead.size) addTo(sum, overhead);
  return sum;
}

/** sortedKeys lists a map's keys in order (Go iterates maps randomly; sorted keeps messages stable). */
export function sortedKeys<T>(m: Map<string, T> | Record<string, T>): string[] {
  return (m instanceof Map ? [...m.keys()] : Object.keys(m)).sort();
}
