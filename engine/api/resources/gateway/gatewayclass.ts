import { fieldErr } from '../../../base/errors.ts';
import { immutable } from '../../validation/meta.ts';
import { rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';
import { conditionStatus, gatewayBase } from './common.ts';
import { pendingStatus } from './defaults.ts';

/** GatewayClass (gateway.networking.k8s.io/v1). */
export const gatewayClassDef = defineResource({
  ...gatewayBase('gatewayclasses'),
  version: 'v1',
  kind: 'GatewayClass',
  plural: 'gatewayclasses',
  shortNames: ['gc'],
  namespaced: false,
  subresources: ['status'],
  ...specStatusStrategy(() => pendingStatus(['Accepted'])),
  columns: [NAME_COLUMN, col('Controller', 'string', ''), col('Accepted', 'string', ''), col('Age', 'date', ''), col('Description', 'string', '', 1)],
  row: (obj, ctx) => [obj.metadata.name ?? '', str(rec(obj.spec).controllerName), conditionStatus(obj.status, 'Accepted') || null, age(obj, ctx), str(rec(obj.spec).description) || null],
  validateSpec(obj, old) {
    const c = str(rec(obj.spec).controllerName);
    const errs = c ? [] : [fieldErr.required('spec.controllerName', '')];
    if (old) errs.push(...immutable(c, str(rec(old.spec).controllerName), 'spec.controllerName').map((e) => ({ ...e, detail: 'Value is immutable' })));
    return errs;
  },
});
