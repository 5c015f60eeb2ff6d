import { clone, deepEqual } from '../../base/deep.ts';
import { fieldErr, type FieldError } from '../../base/errors.ts';
import { validateTolerations } from './scheduling.ts';
import { isSet, list, num, rec, str, type Obj } from './util.ts';

/**
 * ValidatePodUpdate's spec rules: only images, activeDeadlineSeconds,
 * added tolerations and a negative terminationGracePeriodSeconds set to 1 may
 * change; anything else is refused with the apiserver's message and a diff.
 */

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function containerUpdates(n: unknown, o: unknown, path: string): { errs: FieldError[]; stop: boolean } {
  const nc = list(n);
  const oc = list(o);
  if (nc.length !== oc.length) return { errs: [fieldErr.forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  nc.forEach((c, i) => {
    const image = str(c.image);
    if (!image) errs.push(fieldErr.required(`${path}[${i}].image`, ''));
    if (image.trim() !== image) errs.push(fieldErr.invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function onlyAddedTolerations(n: unknown, o: unknown, path: string): FieldError[] {
  const nt = list(n);
  for (const old of list(o)) {
    const found = nt.some((t) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [fieldErr.forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(n, path);
}

function goName(k: string): string {
  return k.charAt(0).toUpperCase() + k.slice(1);
}

/** specDiff renders a cmp.Diff-like view of the top-level PodSpec fields that differ. */
export function specDiff(old: Obj, cur: Obj): string {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(cur)])];
  const lines = ['  core.PodSpec{'];
  let same = 0;
  const flush = () => {
    if (same) lines.push(`  \t... // ${same} identical ${same === 1 ? 'field' : 'fields'}`);
    same = 0;
  };
  for (const k of keys) {
    if (deepEqual(old[k], cur[k])) {
      same++;
      continue;
    }
    flush();
    if (isSet(old[k])) lines.push(`- \t${goName(k)}: ${JSON.stringify(old[k])},`);
    if (isSet(cur[k])) lines.push(`+ \t${goName(k)}: ${JSON.stringify(cur[k])},`);
  }
  flush();
  lines.push('  }');
  return lines.join('\n');
}

/** validatePodSpecUpdate returns the spec errors of a Pod update (old and new are whole Pods). */
export function validatePodSpecUpdate(obj: Obj, old: Obj): FieldError[] {
  // A status or binding write shares the stored spec itself: nothing in it changed.
  if (obj.spec === old.spec) return [];
  const ns = rec(obj.spec);
  const os = rec(old.spec);
  const errs: FieldError[] = [];
  const c = containerUpdates(ns.containers, os.containers, 'spec.containers');
  errs.push(...c.errs);
  if (c.stop) return errs;
  const ic = containerUpdates(ns.initContainers, os.initContainers, 'spec.initContainers');
  errs.push(...ic.errs);
  if (ic.stop) return errs;
  if (isSet(ns.activeDeadlineSeconds)) {
    const v = num(ns.activeDeadlineSeconds);
    if (v < 0 || v > 2147483647) return [...errs, fieldErr.invalid('spec.activeDeadlineSeconds', v, 'must be between 0 and 2147483647, inclusive')];
    if (isSet(os.activeDeadlineSeconds) && num(os.activeDeadlineSeconds) < v) {
      return [...errs, fieldErr.invalid('spec.activeDeadlineSeconds', v, 'must be less than or equal to previous value')];
    }
  } else if (isSet(os.activeDeadlineSeconds)) {
    errs.push(fieldErr.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...onlyAddedTolerations(ns.tolerations, os.tolerations, 'spec.tolerations'));
  if (deepEqual(ns, os)) return errs;
  const munged = clone(ns);
  for (const key of ['containers', 'initContainers'] as const) {
    const oc = list(os[key]);
    list(munged[key]).forEach((ctr, i) => {
      if (oc[i]) ctr.image = oc[i]!.image;
    });
  }
  munged.activeDeadlineSeconds = os.activeDeadlineSeconds;
  munged.tolerations = os.tolerations;
  // Scheduling gates may only be removed (validateSchedulingGates on update).
  const oldGates = new Set(list(os.schedulingGates).map((g) => str(g.name)));
  for (const g of list(ns.schedulingGates)) {
    if (!oldGates.has(str(g.name))) errs.push(fieldErr.forbidden('spec.schedulingGates', `only deletion is allowed, but found new scheduling gate '${str(g.name)}'`));
  }
  munged.schedulingGates = os.schedulingGates;
  if (num(os.terminationGracePeriodSeconds) < 0 && num(ns.terminationGracePeriodSeconds) === 1) {
    munged.terminationGracePeriodSeconds = os.terminationGracePeriodSeconds;
  }
  if (!deepEqual(munged, os)) errs.push(fieldErr.forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${specDiff(os, munged)}`));
  return errs;
}
