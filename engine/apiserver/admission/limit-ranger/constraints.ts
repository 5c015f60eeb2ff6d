import type { Quantity } from '../../../base/quantity.ts';
import type { ResourceList } from '../resources.ts';

/** MAX_MILLI_VALUE is resource.MaxMilliValue: beyond it values are compared whole, not in thousandths. */
const MAX_MILLI = Number.MAX_SAFE_INTEGER / 1000;

/** observed is requestLimitEnforcedValues: request, limit and enforced at a common precision. */
function observed(req: Quantity | undefined, lim: Quantity | undefined, enf: Quantity): [number, number, number] {
  const r = req?.value() ?? 0;
  const l = lim?.value() ?? 0;
  const e = enf.value();
  if (r <= MAX_MILLI && l <= MAX_MILLI && e <= MAX_MILLI) return [req?.milliValue() ?? 0, lim?.milliValue() ?? 0, enf.milliValue()];
  return [r, l, e];
}

/** minConstraint is LimitRanger's min check, with its texts (note the two spaces before "No request"). */
export function minConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = observed(req, lim, enforced);
  if (!req) return `minimum ${name} usage per ${type} is ${enforced}.  No request is specified`;
  if (r < e) return `minimum ${name} usage per ${type} is ${enforced}, but request is ${req}`;
  if (lim && l < e) return `minimum ${name} usage per ${type} is ${enforced}, but limit is ${lim}`;
  return undefined;
}

/** maxConstraint is LimitRanger's max check. */
export function maxConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = observed(req, lim, enforced);
  if (!lim) return `maximum ${name} usage per ${type} is ${enforced}.  No limit is specified`;
  if (l > e) return `maximum ${name} usage per ${type} is ${enforced}, but limit is ${lim}`;
  if (req && r > e) return `maximum ${name} usage per ${type} is ${enforced}, but request is ${req}`;
  return undefined;
}

/** ratioConstraint is the maxLimitRequestRatio check; the ratio prints as Go's %f. */
export function ratioConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l] = observed(req, lim, enforced);
  if (!req || r === 0) return `${name} max limit to request ratio per ${type} is ${enforced}, but no request is specified or request is 0`;
  if (!lim || l === 0) return `${name} max limit to request ratio per ${type} is ${enforced}, but no limit is specified or limit is 0`;
  let ratio = l / r;
  const display = ratio;
  let max = enforced.value();
  if (enforced.value() <= MAX_MILLI) {
    ratio *= 1000;
    max = enforced.milliValue();
  }
  if (ratio > max) return `${name} max limit to request ratio per ${type} is ${enforced}, but provided ratio is ${display.toFixed(6)}`;
  return undefined;
}

/** maxRequestConstraint is the PersistentVolumeClaim max check, made against the request. */
export function maxRequestConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList): string | undefined {
  const req = requests.get(name);
  const [r, , e] = observed(req, undefined, enforced);
  if (!req) return `maximum ${name} usage per ${type} is ${enforced}.  No request is specified`;
  if (r > e) return `maximum ${name} usage per ${type} is ${enforced}, but request is ${req}`;
  return undefined;
}
