import { fieldErr, type FieldError } from '../../base/errors.ts';
import { fromLabelSelector, matches, type LabelSelector } from '../../base/labels.ts';
import { selectorValue, sortedMap } from './gofmt.ts';
import { validateLabels } from './meta.ts';
import { each, isQualifiedName, isValidLabelValue } from './names.ts';
import { isSet, list, rec, str, strMap, strs } from './util.ts';

/** metav1 LabelSelector checks (ValidateLabelSelector) and the workload selector/template rules. */

/** validateLabelSelector is ValidateLabelSelector. */
export function validateLabelSelector(sel: unknown, path: string): FieldError[] {
  if (!isSet(sel)) return [];
  const s = rec(sel);
  const errs = validateLabels(strMap(s.matchLabels), `${path}.matchLabels`);
  list(s.matchExpressions).forEach((e, i) => {
    const ip = `${path}.matchExpressions[${i}]`;
    const op = str(e.operator);
    const values = strs(e.values);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(fieldErr.required(`${ip}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(fieldErr.forbidden(`${ip}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(fieldErr.invalid(`${ip}.operator`, op, 'not a valid selector operator'));
    }
    errs.push(...each(`${ip}.key`, str(e.key), isQualifiedName(str(e.key))));
    values.forEach((v, j) => errs.push(...each(`${ip}.values[${j}]`, v, isValidLabelValue(v))));
  });
  return errs;
}

/** isEmptySelector reports a selector that would select everything. */
export function isEmptySelector(sel: unknown): boolean {
  const s = rec(sel);
  return Object.keys(rec(s.matchLabels)).length === 0 && list(s.matchExpressions).length === 0;
}

/**
 * validateWorkloadSelector is the apps/batch rule pair: the selector is
 * required and non-empty, and must select the template's labels
 * (ValidateDeploymentSpec + ValidatePodTemplateSpecForReplicaSet).
 */
export function validateWorkloadSelector(
  sel: unknown,
  templateLabels: Record<string, string> | undefined,
  path: string,
  templatePath: string,
  emptyMsg = 'empty selector is invalid for deployment',
): FieldError[] {
  const errs: FieldError[] = [];
  if (!isSet(sel)) errs.push(fieldErr.required(path, ''));
  else {
    errs.push(...validateLabelSelector(sel, path));
    if (isEmptySelector(sel)) {
      errs.push(fieldErr.invalid(path, selectorValue(rec(sel) as LabelSelector), emptyMsg));
      return errs;
    }
  }
  const selector = isSet(sel) ? fromLabelSelector(rec(sel) as LabelSelector) : fromLabelSelector(undefined);
  if (!matches(selector, templateLabels ?? {})) {
    errs.push(fieldErr.invalid(`${templatePath}.metadata.labels`, sortedMap(templateLabels), '`selector` does not match template `labels`'));
  }
  return errs;
}
