import { fieldErr, type FieldError } from '../../base/errors.ts';
import { each, isQualifiedName, isValidLabelValue } from './names.ts';
import { isSet, list, rec, str, strs, type Obj } from './util.ts';

/** Tolerations, taints and node affinity (ValidateTolerations, validateTaintEffect, validateNodeSelector). */

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect is validateTaintEffect. */
export function validateTaintEffect(effect: string, allowEmpty: boolean, path: string): FieldError[] {
  if (!allowEmpty && !effect) return [fieldErr.required(path, '')];
  return TAINT_EFFECTS.includes(effect) ? [] : [fieldErr.notSupported(path, effect, TAINT_EFFECTS)];
}

/** internalToleration is core.Toleration as encoding/json writes the internal type (Go field names). */
function internalToleration(t: Obj): unknown {
  return { Key: str(t.key), Operator: str(t.operator), Value: str(t.value), Effect: str(t.effect), TolerationSeconds: isSet(t.tolerationSeconds) ? t.tolerationSeconds : null };
}

/** validateTolerations is ValidateTolerations. */
export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(tolerations).forEach((t, i) => {
    const ip = `${path}[${i}]`;
    const key = str(t.key);
    const op = str(t.operator);
    const effect = str(t.effect);
    if (key) errs.push(...each(`${ip}.key`, key, isQualifiedName(key)));
    if (!key && op !== 'Exists') {
      errs.push(fieldErr.invalid(`${ip}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (isSet(t.tolerationSeconds) && effect !== 'NoExecute') {
      errs.push(fieldErr.invalid(`${ip}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') errs.push(...each(`${ip}.operator`, str(t.value), isValidLabelValue(str(t.value))));
    else if (op === 'Exists') {
      if (str(t.value)) errs.push(fieldErr.invalid(`${ip}.operator`, internalToleration(t), "value must be empty when `operator` is 'Exists'"));
    } else errs.push(fieldErr.notSupported(`${ip}.operator`, op, ['Equal', 'Exists']));
    if (effect) errs.push(...validateTaintEffect(effect, true, `${ip}.effect`));
  });
  return errs;
}

const NODE_SELECTOR_OPS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

function validateNodeSelectorRequirement(r: Obj, path: string, isField: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const op = str(r.operator);
  const values = strs(r.values);
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(fieldErr.required(`${path}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(fieldErr.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(fieldErr.required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(fieldErr.invalid(`${path}.operator`, op, 'not a valid selector operator'));
  }
  if (!isField) errs.push(...each(`${path}.key`, str(r.key), isQualifiedName(str(r.key))));
  return errs;
}

/** validateNodeSelector is validateNodeSelector (required node affinity). */
export function validateNodeSelector(ns: Obj, path: string): FieldError[] {
  const terms = list(ns.nodeSelectorTerms);
  if (terms.length === 0) return [fieldErr.required(`${path}.nodeSelectorTerms`, 'must have at least one node selector term')];
  return terms.flatMap((t, i) => [
    ...list(t.matchExpressions).flatMap((r, j) => validateNodeSelectorRequirement(r, `${path}.nodeSelectorTerms[${i}].matchExpressions[${j}]`, false)),
    ...list(t.matchFields).flatMap((r, j) => validateNodeSelectorRequirement(r, `${path}.nodeSelectorTerms[${i}].matchFields[${j}]`, true)),
  ]);
}

/** validateAffinity checks node affinity and the pod (anti-)affinity topology keys. */
export function validateAffinity(affinity: unknown, path: string): FieldError[] {
  if (!isSet(affinity)) return [];
  const a = rec(affinity);
  const errs: FieldError[] = [];
  const na = rec(a.nodeAffinity);
  if (isSet(na.requiredDuringSchedulingIgnoredDuringExecution)) {
    errs.push(...validateNodeSelector(rec(na.requiredDuringSchedulingIgnoredDuringExecution), `${path}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`));
  }
  list(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((p, i) => {
    const pp = `${path}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    const w = Number(p.weight ?? 0);
    if (w < 1 || w > 100) errs.push(fieldErr.invalid(`${pp}.weight`, w, 'must be in the range 1-100'));
    list(rec(p.preference).matchExpressions).forEach((r, j) => errs.push(...validateNodeSelectorRequirement(r, `${pp}.preference.matchExpressions[${j}]`, false)));
  });
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const pa = rec(a[kind]);
    list(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const tp = `${path}.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}].topologyKey`;
      const key = str(t.topologyKey);
      if (!key) errs.push(fieldErr.required(tp, 'can not be empty'));
      else errs.push(...each(tp, key, isQualifiedName(key)));
    });
  }
  return errs;
}
