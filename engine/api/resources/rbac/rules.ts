import { fieldErr, type FieldError } from '../../../base/errors.ts';
import { immutable } from '../../validation/meta.ts';
import { isSet, list, rec, str, strs, type Obj } from '../../validation/util.ts';

/** RBAC validation shared by the four kinds (ValidatePolicyRule, ValidateRoleBindingSubject, roleRef). */

/** validateRules checks rules[] of a Role or ClusterRole. */
export function validateRules(rules: unknown, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  list(rules).forEach((r, i) => {
    const p = `rules[${i}]`;
    if (strs(r.verbs).length === 0) errs.push(fieldErr.required(`${p}.verbs`, 'verbs must contain at least one value'));
    const urls = strs(r.nonResourceURLs);
    if (urls.length) {
      if (namespaced) errs.push(fieldErr.invalid(`${p}.nonResourceURLs`, urls, 'namespaced rules cannot apply to non-resource URLs'));
      if (strs(r.apiGroups).length || strs(r.resources).length || strs(r.resourceNames).length) {
        errs.push(fieldErr.invalid(`${p}.nonResourceURLs`, urls, 'rules cannot apply to both regular resources and non-resource URLs'));
      }
      return;
    }
    if (!isSet(r.apiGroups) || strs(r.apiGroups).length === 0) errs.push(fieldErr.required(`${p}.apiGroups`, 'resource rules must supply at least one api group'));
    if (strs(r.resources).length === 0) errs.push(fieldErr.required(`${p}.resources`, 'resource rules must supply at least one resource'));
  });
  return errs;
}

/** defaultSubjects is SetDefaults_Subject: User and Group subjects get the RBAC group. */
export function defaultSubjects(subjects: unknown): void {
  for (const s of list(subjects)) {
    if (isSet(s.apiGroup) && s.apiGroup !== '') continue;
    if (s.kind === 'ServiceAccount') s.apiGroup = '';
    else if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = 'rbac.authorization.k8s.io';
  }
}

function validateSubject(s: Obj, path: string, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(s.name)) errs.push(fieldErr.required(`${path}.name`, ''));
  switch (str(s.kind)) {
    case 'ServiceAccount':
      if (str(s.apiGroup) !== '') errs.push(fieldErr.notSupported(`${path}.apiGroup`, str(s.apiGroup), ['']));
      if (!namespaced && !str(s.namespace)) errs.push(fieldErr.required(`${path}.namespace`, ''));
      break;
    case 'User':
    case 'Group':
      if (str(s.apiGroup) !== 'rbac.authorization.k8s.io') errs.push(fieldErr.notSupported(`${path}.apiGroup`, str(s.apiGroup), ['rbac.authorization.k8s.io']));
      break;
    default:
      errs.push(fieldErr.notSupported(`${path}.kind`, str(s.kind), ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

/** validateBinding checks roleRef and subjects; roleRef never changes after create. */
export function validateBinding(obj: Obj & { roleRef?: unknown }, old: Obj | undefined, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = rec(obj.roleRef);
  if (str(ref.apiGroup) !== 'rbac.authorization.k8s.io') errs.push(fieldErr.notSupported('roleRef.apiGroup', str(ref.apiGroup), ['rbac.authorization.k8s.io']));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(str(ref.kind))) errs.push(fieldErr.notSupported('roleRef.kind', str(ref.kind), kinds));
  if (!str(ref.name)) errs.push(fieldErr.required('roleRef.name', ''));
  list(obj.subjects).forEach((s, i) => errs.push(...validateSubject(s, `subjects[${i}]`, namespaced)));
  if (old && JSON.stringify(rec(old.roleRef)) !== JSON.stringify(ref)) {
    errs.push(...immutable(ref, rec(old.roleRef), 'roleRef').map((e) => ({ ...e, detail: 'cannot change roleRef' })));
  }
  return errs;
}

/** subjectsCells is rbac.SubjectsStrings joined the way the printer joins them. */
export function subjectsCells(subjects: unknown): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of list(subjects)) {
    if (s.kind === 'User') users.push(str(s.name));
    else if (s.kind === 'Group') groups.push(str(s.name));
    else if (s.kind === 'ServiceAccount') sas.push(`${str(s.namespace)}:${str(s.name)}`);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}
