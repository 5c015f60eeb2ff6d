import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { selectorValue } from '../../validation/gofmt.ts';
import { immutable, nonNegative } from '../../validation/meta.ts';
import { isValidPercent } from '../../validation/names.ts';
import { validatePodTemplateSpec } from '../../validation/podspec.ts';
import { validateWorkloadSelector } from '../../validation/selector.ts';
import { isSet, rec, str } from '../../validation/util.ts';
import { containerCells, selectorText } from '../cells.ts';

/** Rules shared by the apps/v1 workloads (ValidatePodTemplateSpecForReplicaSet and friends). */

/** templateCells returns [containers, images] of spec.template. */
export function templateCells(obj: KObject): [string, string] {
  return containerCells(rec(rec(rec(obj.spec).template).spec).containers);
}

/** selectorCell is the SELECTOR wide cell: the selector's String() ("" when empty). */
export function selectorCell(obj: KObject): string {
  return selectorText(rec(obj.spec).selector);
}

/**
 * validateTemplateForReplicas checks selector vs template labels, the template
 * itself, restartPolicy Always and no activeDeadlineSeconds.
 */
export function validateTemplateForReplicas(obj: KObject, emptyMsg: string, kindWord: string): FieldError[] {
  const spec = rec(obj.spec);
  const tpl = rec(spec.template);
  const labels = rec(tpl.metadata).labels as Record<string, string> | undefined;
  const errs = validateWorkloadSelector(spec.selector, labels, 'spec.selector', 'spec.template', emptyMsg);
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  const rp = str(rec(tpl.spec).restartPolicy);
  if (rp && rp !== 'Always') errs.push(fieldErr.notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (isSet(rec(tpl.spec).activeDeadlineSeconds)) {
    errs.push(fieldErr.forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kindWord} is not Supported`));
  }
  return errs;
}

/** selectorImmutable is the apps/v1 rule that spec.selector never changes. */
export function selectorImmutable(obj: KObject, old: KObject | undefined): FieldError[] {
  if (!old) return [];
  const sel = rec(obj.spec).selector;
  const oldSel = rec(old.spec).selector;
  if (JSON.stringify(selectorValue(rec(sel))) === JSON.stringify(selectorValue(rec(oldSel)))) return [];
  return immutable(selectorValue(rec(sel)), selectorValue(rec(oldSel)), 'spec.selector');
}

function intOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') {
    const msgs = isValidPercent(v);
    if (msgs.length) return msgs.map((m) => fieldErr.invalid(path, v, m));
    if (Number(v.slice(0, -1)) > 100) return [fieldErr.invalid(path, v, 'must not be greater than 100%')];
    return [];
  }
  return nonNegative(v, path);
}

function isZero(v: unknown): boolean {
  return v === 0 || v === '0%';
}

/** validateRollingUpdate checks maxUnavailable/maxSurge (ValidateRollingUpdateDeployment). */
export function validateRollingUpdate(ru: unknown, path: string): FieldError[] {
  const r = rec(ru);
  const errs = [...intOrPercent(r.maxUnavailable, `${path}.maxUnavailable`), ...intOrPercent(r.maxSurge, `${path}.maxSurge`)];
  if (isZero(r.maxUnavailable) && isZero(r.maxSurge)) {
    errs.push(fieldErr.invalid(`${path}.maxUnavailable`, r.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  return errs;
}

/** replicasAndHistory checks replicas, minReadySeconds and revisionHistoryLimit. */
export function replicasAndHistory(obj: KObject): FieldError[] {
  const spec = rec(obj.spec);
  return [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'),
  ];
}
