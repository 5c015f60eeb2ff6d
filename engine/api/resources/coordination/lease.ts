import { fieldErr } from '../../../base/errors.ts';
import { isSet, num, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

/** Lease: node heartbeats (kube-node-lease) and leader election; HOLDER column. */
export const leaseDef = defineResource({
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  namespaced: true,
  columns: [NAME_COLUMN, col('Holder', 'string', 'LeaseSpec.holderIdentity'), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', str(rec(obj.spec).holderIdentity), age(obj, ctx)],
  validateSpec(obj) {
    const spec = rec(obj.spec);
    const errs = [];
    if (isSet(spec.leaseDurationSeconds) && num(spec.leaseDurationSeconds) <= 0) {
      errs.push(fieldErr.invalid('spec.leaseDurationSeconds', num(spec.leaseDurationSeconds), 'must be greater than 0'));
    }
    if (isSet(spec.leaseTransitions) && num(spec.leaseTransitions) < 0) {
      errs.push(fieldErr.invalid('spec.leaseTransitions', num(spec.leaseTransitions), 'must be greater than or equal to 0'));
    }
    return errs;
  },
});
