import { fieldErr } from '../../../base/errors.ts';
import { isSet, list, num, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';

/** APIService (kube-aggregator): SERVICE is "Local" or ns/name; AVAILABLE shows the reason when not True. */
export const apiServiceDef = defineResource({
  group: 'apiregistration.k8s.io',
  version: 'v1',
  kind: 'APIService',
  plural: 'apiservices',
  namespaced: false,
  categories: ['api-extensions'],
  storagePrefix: '/registry/apiregistration.k8s.io/apiservices',
  subresources: ['status'],
  columns: [
    NAME_COLUMN,
    col('Service', 'string', 'The reference to the service that hosts this API endpoint.'),
    col('Available', 'string', 'Whether this service is available.'),
    AGE_COLUMN,
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    const svc = isSet(spec.service) ? `${str(rec(spec.service).namespace)}/${str(rec(spec.service).name)}` : 'Local';
    const c = list(rec(obj.status).conditions).find((x) => str(x.type) === 'Available');
    let avail = 'Unknown';
    if (c) avail = str(c.status) === 'True' || !str(c.reason) ? str(c.status) : `${str(c.status)} (${str(c.reason)})`;
    return [obj.metadata.name ?? '', svc, avail, age(obj, ctx)];
  },
  validateSpec(obj) {
    const spec = rec(obj.spec);
    const errs = [];
    const name = obj.metadata.name ?? '';
    const want = str(spec.group) ? `${str(spec.version)}.${str(spec.group)}` : str(spec.version);
    if (name !== want) errs.push(fieldErr.invalid('metadata.name', name, `must be ${want}`));
    if (!str(spec.version)) errs.push(fieldErr.required('spec.version', ''));
    if (num(spec.groupPriorityMinimum) <= 0 || num(spec.groupPriorityMinimum) > 20000) {
      errs.push(fieldErr.invalid('spec.groupPriorityMinimum', num(spec.groupPriorityMinimum), 'must be positive and less than 20000'));
    }
    if (num(spec.versionPriority) <= 0 || num(spec.versionPriority) > 1000) {
      errs.push(fieldErr.invalid('spec.versionPriority', num(spec.versionPriority), 'must be positive and less than 1000'));
    }
    return errs;
  },
  ...specStatusStrategy(() => ({})),
});
