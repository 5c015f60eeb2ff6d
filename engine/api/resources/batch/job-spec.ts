import { fieldErr, type FieldError } from '../../../base/errors.ts';
import { nonNegative } from '../../validation/meta.ts';
import { validatePodTemplateSpec } from '../../validation/podspec.ts';
import { validateWorkloadSelector } from '../../validation/selector.ts';
import { isSet, num, rec, str, type Obj } from '../../validation/util.ts';

/** JobSpec checks shared by Jobs and CronJob job templates (validateJobSpec). */

const COMPLETION_MODES = ['Indexed', 'NonIndexed'];
const REPLACEMENT = ['Failed', 'TerminatingOrFailed'];

/** validateJobSpec checks a JobSpec at path; withSelector checks the (generated) selector too. */
export function validateJobSpec(specIn: unknown, path: string, withSelector: boolean): FieldError[] {
  const spec = rec(specIn);
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished']) {
    errs.push(...nonNegative(spec[f], `${path}.${f}`));
  }
  if (isSet(spec.activeDeadlineSeconds) && num(spec.activeDeadlineSeconds) === 0) {
    errs.push(fieldErr.invalid(`${path}.activeDeadlineSeconds`, 0, 'must be greater than 0'));
  }
  const mode = str(spec.completionMode);
  if (mode && !COMPLETION_MODES.includes(mode)) errs.push(fieldErr.notSupported(`${path}.completionMode`, mode, COMPLETION_MODES));
  if (mode === 'Indexed' && !isSet(spec.completions)) errs.push(fieldErr.required(`${path}.completions`, 'when completion mode is Indexed'));
  const prp = str(spec.podReplacementPolicy);
  if (prp && !REPLACEMENT.includes(prp)) errs.push(fieldErr.notSupported(`${path}.podReplacementPolicy`, prp, REPLACEMENT));
  const tpl = rec(spec.template);
  if (withSelector) {
    errs.push(...validateWorkloadSelector(spec.selector, rec(tpl.metadata).labels as Record<string, string> | undefined, `${path}.selector`, `${path}.template`));
  }
  errs.push(...validatePodTemplateSpec(spec.template, `${path}.template`));
  const rp = str(rec(tpl.spec).restartPolicy);
  if (rp !== 'OnFailure' && rp !== 'Never') {
    errs.push(fieldErr.notSupported(`${path}.template.spec.restartPolicy`, rp, ['OnFailure', 'Never']));
  }
  return errs;
}

