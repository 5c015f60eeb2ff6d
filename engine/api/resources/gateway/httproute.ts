import { fieldErr } from '../../../base/errors.ts';
import { list, rec, strs } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';
import { gatewayBase } from './common.ts';
import { httpRouteDefaults } from './defaults.ts';

/** HTTPRoute (gateway.networking.k8s.io/v1): HOSTNAMES as the CRD prints them. */
export const httpRouteDef = defineResource({
  ...gatewayBase('httproutes'),
  version: 'v1',
  kind: 'HTTPRoute',
  plural: 'httproutes',
  namespaced: true,
  subresources: ['status'],
  ...specStatusStrategy(() => undefined),
  defaults: httpRouteDefaults,
  columns: [NAME_COLUMN, col('Hostnames', 'string', ''), col('Age', 'date', '')],
  row(obj, ctx) {
    const hosts = strs(rec(obj.spec).hostnames);
    return [obj.metadata.name ?? '', hosts.length ? JSON.stringify(hosts) : null, age(obj, ctx)];
  },
  validateSpec(obj) {
    const spec = rec(obj.spec);
    const errs = list(spec.parentRefs).flatMap((p, i) => (p.name ? [] : [fieldErr.required(`spec.parentRefs[${i}].name`, '')]));
    // The CRD's CEL rule on BackendObjectReference (after defaulting group "" and kind Service).
    list(spec.rules).forEach((r, i) =>
      list(r.backendRefs).forEach((b, j) => {
        if ((b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service' && b.port === undefined) errs.push(fieldErr.invalid(`spec.rules[${i}].backendRefs[${j}]`, 'object', 'Must have port for Service reference'));
      }),
    );
    return errs;
  },
});
