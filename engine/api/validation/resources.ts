import { fieldErr, type FieldError } from '../../base/errors.ts';
import { tryParseQuantity, Quantity, QuantityError } from '../../base/quantity.ts';
import { IS_NEGATIVE } from './meta.ts';
import { each, isQualifiedName } from './names.ts';
import { rec } from './util.ts';

/**
 * Resource names and quantities (ValidateResourceRequirements,
 * ValidateResourceQuantityValue, validateContainerResourceName).
 */

const STANDARD_CONTAINER = new Set(['cpu', 'memory', 'ephemeral-storage']);
const NATIVE_PREFIX = 'kubernetes.io/';

/** isHugePages reports hugepages-<size> resources. */
export function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

function isNative(name: string): boolean {
  return !name.includes('/') || name.includes(NATIVE_PREFIX);
}

/** isOvercommitAllowed: requests may be below limits only for native, non-hugepage resources. */
export function isOvercommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name);
}

function isIntegerResource(name: string): boolean {
  return !isNative(name) || (name.startsWith('requests.') && !isNative(name.slice(9)));
}

/** quantity reads a quantity field; a malformed one was already refused when the object was decoded. */
export function quantity(v: unknown): Quantity | undefined {
  const q = tryParseQuantity(v);
  return q instanceof QuantityError ? undefined : q;
}

/** validateResourceName is validateResourceName: a qualified name. */
export function validateResourceName(name: string, path: string): FieldError[] {
  return each(path, name, isQualifiedName(name));
}

function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER.has(name) && !isHugePages(name)) errs.push(fieldErr.invalid(path, name, 'must be a standard resource for containers'));
  } else if (!isNative(name) && !/^[^/]+\/[^/]+$/.test(name)) {
    errs.push(fieldErr.invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/**
 * validateQuantityValue is ValidateResourceQuantityValue: not negative, and
 * whole for integer resources.
 */
export function validateQuantityValue(name: string, q: Quantity, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(fieldErr.invalid(path, q.toString(), IS_NEGATIVE));
  if (isIntegerResource(name) && q.milliValue() % 1000 !== 0) errs.push(fieldErr.invalid(path, q.toString(), 'must be an integer'));
  return errs;
}

/** validateContainerResources is ValidateContainerResourceRequirements. */
export function validateContainerResources(resources: unknown, path: string): FieldError[] {
  const r = rec(resources);
  const limits = rec(r.limits);
  const requests = rec(r.requests);
  const limPath = `${path}.limits`;
  const reqPath = `${path}.requests`;
  const errs: FieldError[] = [];
  for (const [name, raw] of Object.entries(limits)) {
    const p = `${limPath}[${name}]`;
    errs.push(...validateContainerResourceName(name, p));
    const q = quantity(raw);
    if (q) errs.push(...validateQuantityValue(name, q, p));
  }
  for (const [name, raw] of Object.entries(requests)) {
    const p = `${reqPath}[${name}]`;
    errs.push(...validateContainerResourceName(name, p));
    const q = quantity(raw);
    if (!q) continue;
    errs.push(...validateQuantityValue(name, q, p));
    const lim = name in limits ? quantity(limits[name]) : undefined;
    if (lim) {
      if (q.cmp(lim) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(fieldErr.invalid(reqPath, q.toString(), `must be equal to ${name} limit of ${lim.toString()}`));
      } else if (q.cmp(lim) > 0) {
        errs.push(fieldErr.invalid(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${lim.toString()}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(fieldErr.required(limPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}
