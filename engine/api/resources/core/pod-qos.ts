import { Quantity, ZERO } from '../../../base/quantity.ts';
import { list, rec } from '../../validation/util.ts';
import { quantity } from '../../validation/resources.ts';

/** podQOSClass is ComputePodQOS: Guaranteed, Burstable or BestEffort from the containers' requests and limits. */
export function podQOSClass(specIn: unknown): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const spec = rec(specIn);
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    const r = rec(c.resources);
    for (const [name, raw] of Object.entries(rec(r.requests))) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = quantity(raw);
      if (q && q.cmp(ZERO) > 0) requests.set(name, (requests.get(name) ?? ZERO).add(q));
    }
    const found = new Set<string>();
    for (const [name, raw] of Object.entries(rec(r.limits))) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = quantity(raw);
      if (q && q.cmp(ZERO) > 0) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? ZERO).add(q));
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
