import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { isDns1035Label, isDns1123Subdomain } from '../../validation/names.ts';
import { immutable } from '../../validation/meta.ts';
import { isSet, list, rec, str } from '../../validation/util.ts';
import { defineResource } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';

/** CustomResourceDefinition: names, versions and schema checks of apiextensions' validation. */

function validateCRD(obj: KObject, old: KObject | undefined): FieldError[] {
  const spec = rec(obj.spec);
  const names = rec(spec.names);
  const group = str(spec.group);
  const plural = str(names.plural);
  const errs: FieldError[] = [];
  const name = obj.metadata.name ?? '';
  if (name !== `${plural}.${group}`) errs.push(fieldErr.invalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  if (!group) errs.push(fieldErr.required('spec.group', ''));
  else if (!group.includes('.')) errs.push(fieldErr.invalid('spec.group', group, 'should be a domain with at least one dot'));
  else for (const m of isDns1123Subdomain(group)) errs.push(fieldErr.invalid('spec.group', group, m));
  const scope = str(spec.scope);
  if (scope !== 'Cluster' && scope !== 'Namespaced') errs.push(fieldErr.notSupported('spec.scope', scope, ['Cluster', 'Namespaced']));
  if (!plural) errs.push(fieldErr.required('spec.names.plural', ''));
  else for (const m of isDns1035Label(plural)) errs.push(fieldErr.invalid('spec.names.plural', plural, m));
  if (!str(names.kind)) errs.push(fieldErr.required('spec.names.kind', ''));
  if (!str(names.listKind)) errs.push(fieldErr.required('spec.names.listKind', ''));
  const versions = list(spec.versions);
  if (versions.length === 0) errs.push(fieldErr.invalid('spec.versions', versions, 'must have exactly one version marked as storage version'));
  else if (versions.filter((v) => v.storage === true).length !== 1) {
    errs.push(fieldErr.invalid('spec.versions', versions, 'must have exactly one version marked as storage version'));
  }
  versions.forEach((v, i) => {
    const p = `spec.versions[${i}]`;
    if (!str(v.name)) errs.push(fieldErr.required(`${p}.name`, ''));
    if (!isSet(rec(v.schema).openAPIV3Schema)) errs.push(fieldErr.required(`${p}.schema.openAPIV3Schema`, 'schemas are required'));
  });
  if (old) {
    errs.push(...immutable(scope, str(rec(old.spec).scope), 'spec.scope'));
    errs.push(...immutable(plural, str(rec(rec(old.spec).names).plural), 'status.acceptedNames.plural'));
  }
  return errs;
}

export const customResourceDefinitionDef = defineResource({
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
  shortNames: ['crd', 'crds'],
  namespaced: false,
  categories: ['api-extensions'],
  storagePrefix: '/registry/apiextensions.k8s.io/customresourcedefinitions',
  subresources: ['status'],
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    const names = (spec.names ??= {}) as Record<string, unknown>;
    if (str(names.kind)) {
      names.singular ??= str(names.kind).toLowerCase();
      names.listKind ??= `${str(names.kind)}List`;
    }
    spec.conversion ??= { strategy: 'None' };
  },
  validateSpec: validateCRD,
  ...specStatusStrategy(() => undefined),
});

/** prepareCRDCreate adds what the CRD strategy records on create: storedVersions and empty accepted names. */
customResourceDefinitionDef.prepareForCreate = (obj) => {
  const storage = list(rec(obj.spec).versions).find((v) => v.storage === true);
  obj.status = { acceptedNames: { kind: '', plural: '' }, storedVersions: storage ? [str(storage.name)] : [] };
  obj.metadata.generation = 1;
};
