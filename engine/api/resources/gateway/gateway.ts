import { fieldErr } from '../../../base/errors.ts';
import { list, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';
import { conditionStatus, gatewayBase } from './common.ts';
import { gatewayDefaults, pendingStatus } from './defaults.ts';

/** Gateway (gateway.networking.k8s.io/v1): CLASS, ADDRESS, PROGRAMMED. */
export const gatewayDef = defineResource({
  ...gatewayBase('gateways'),
  version: 'v1',
  kind: 'Gateway',
  plural: 'gateways',
  shortNames: ['gtw'],
  namespaced: true,
  subresources: ['status'],
  // Until a controller writes status, Accepted and Programmed are Unknown (the CRD's default status).
  ...specStatusStrategy(() => pendingStatus(['Accepted', 'Programmed'])),
  defaults: gatewayDefaults,
  columns: [NAME_COLUMN, col('Class', 'string', ''), col('Address', 'string', ''), col('Programmed', 'string', ''), col('Age', 'date', '')],
  row(obj, ctx) {
    const addrs = list(rec(obj.status).addresses).map((a) => str(a.value));
    return [obj.metadata.name ?? '', str(rec(obj.spec).gatewayClassName), addrs.length ? addrs.join(' ') : null, conditionStatus(obj.status, 'Programmed') || null, age(obj, ctx)];
  },
  validateSpec(obj) {
    const spec = rec(obj.spec);
    const errs = [];
    if (!str(spec.gatewayClassName)) errs.push(fieldErr.required('spec.gatewayClassName', ''));
    if (list(spec.listeners).length === 0) errs.push(fieldErr.required('spec.listeners', ''));
    return errs;
  },
});
