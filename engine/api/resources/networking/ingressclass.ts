import { fieldErr } from '../../../base/errors.ts';
import { immutable } from '../../validation/meta.ts';
import { isDns1123Subdomain } from '../../validation/names.ts';
import { isSet, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { generationStrategy } from '../strategy.ts';

/** IngressClass: which controller serves an Ingress; the default class is annotated. */
export const ingressClassDef = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'IngressClass',
  plural: 'ingressclasses',
  namespaced: false,
  columns: [
    NAME_COLUMN,
    col('Controller', 'string', 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 'A reference to a resource with additional parameters'),
    AGE_COLUMN,
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    let params = '<none>';
    if (isSet(spec.parameters)) {
      const p = rec(spec.parameters);
      params = str(p.kind) + (isSet(p.apiGroup) ? `.${str(p.apiGroup)}` : '') + `/${str(p.name)}`;
    }
    return [obj.metadata.name ?? '', str(spec.controller), params, age(obj, ctx)];
  },
  validateSpec(obj, old) {
    const c = str(rec(obj.spec).controller);
    const errs = [];
    if (!c) errs.push(fieldErr.required('spec.controller', ''));
    else {
      const [host, ...rest] = c.split('/');
      if (rest.length === 0 || !host || !rest.join('/')) errs.push(fieldErr.invalid('spec.controller', c, 'must be a domain-prefixed path (such as "acme.io/foo")'));
      else for (const m of isDns1123Subdomain(host)) errs.push(fieldErr.invalid('spec.controller', host, m));
    }
    if (old) errs.push(...immutable(c, str(rec(old.spec).controller), 'spec.controller'));
    return errs;
  },
  ...generationStrategy(),
});
