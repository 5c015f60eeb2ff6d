import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { isSet, rec, str, strs } from '../../validation/util.ts';

/** validateAccessReviewSpec is ValidateSubjectAccessReviewSpec (self: no user or group needed). */
export function validateAccessReviewSpec(obj: KObject, self: boolean): FieldError[] {
  const spec = rec(obj.spec);
  const errs: FieldError[] = [];
  const hasRes = isSet(spec.resourceAttributes);
  const hasNonRes = isSet(spec.nonResourceAttributes);
  if (hasRes && hasNonRes) errs.push(fieldErr.invalid('spec.nonResourceAttributes', spec.nonResourceAttributes, 'cannot be specified in combination with resourceAttributes'));
  if (!hasRes && !hasNonRes) errs.push(fieldErr.invalid('spec.resourceAttributes', null, 'exactly one of nonResourceAttributes or resourceAttributes must be specified'));
  if (!self && !str(spec.user) && strs(spec.groups).length === 0) errs.push(fieldErr.invalid('spec.user', str(spec.user), 'at least one of user or group must be specified'));
  return errs;
}
