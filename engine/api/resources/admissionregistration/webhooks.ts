import { fieldErr, type FieldError } from '../../../base/errors.ts';
import { isSet, list, rec, str, strs, type Obj } from '../../validation/util.ts';

/** Webhook defaults and checks shared by the mutating and validating configurations. */

/** defaultWebhooks fills failurePolicy, matchPolicy, selectors, timeout and rule scope. */
export function defaultWebhooks(webhooks: unknown, mutating: boolean): void {
  for (const w of list(webhooks)) {
    w.failurePolicy ??= 'Fail';
    w.matchPolicy ??= 'Equivalent';
    w.namespaceSelector ??= {};
    w.objectSelector ??= {};
    w.timeoutSeconds ??= 10;
    if (mutating) w.reinvocationPolicy ??= 'Never';
    for (const r of list(w.rules)) r.scope ??= '*';
    const svc = rec(rec(w.clientConfig).service);
    if (isSet(rec(w.clientConfig).service)) svc.port ??= 443;
  }
}

/** validateWebhooks checks names, sideEffects and admissionReviewVersions. */
export function validateWebhooks(webhooks: unknown): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(webhooks).forEach((w: Obj, i) => {
    const p = `webhooks[${i}]`;
    const name = str(w.name);
    if (!name) errs.push(fieldErr.required(`${p}.name`, ''));
    else if (name.split('.').length < 3) errs.push(fieldErr.invalid(`${p}.name`, name, 'should be a domain with at least three segments separated by dots'));
    if (names.has(name)) errs.push(fieldErr.duplicate(`${p}.name`, name));
    names.add(name);
    const se = str(w.sideEffects);
    if (!se) errs.push(fieldErr.required(`${p}.sideEffects`, ''));
    else if (se !== 'None' && se !== 'NoneOnDryRun') errs.push(fieldErr.notSupported(`${p}.sideEffects`, se, ['None', 'NoneOnDryRun']));
    if (strs(w.admissionReviewVersions).length === 0) {
      errs.push(fieldErr.required(`${p}.admissionReviewVersions`, 'must specify one of v1, v1beta1'));
    }
    const cc = rec(w.clientConfig);
    if (!isSet(cc.url) && !isSet(cc.service)) errs.push(fieldErr.required(`${p}.clientConfig`, 'exactly one of url or service is required'));
  });
  return errs;
}
