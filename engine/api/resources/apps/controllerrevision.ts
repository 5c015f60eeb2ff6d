import { fieldErr } from '../../../base/errors.ts';
import { immutable } from '../../validation/meta.ts';
import { num } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

/** controllerOf renders CONTROLLER as printControllerRevision does: kind.group/name, lowercase kind. */
function controllerOf(refs: { apiVersion: string; kind: string; name: string; controller?: boolean }[] | undefined): string {
  const ref = refs?.find((r) => r.controller);
  if (!ref) return '<none>';
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.indexOf('/')) : '';
  const gk = group ? `${ref.kind}.${group}` : ref.kind;
  return gk ? `${gk.toLowerCase()}/${ref.name}` : ref.name;
}

/** ControllerRevision: the history StatefulSets and DaemonSets roll back to; data is immutable. */
export const controllerRevisionDef = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'ControllerRevision',
  plural: 'controllerrevisions',
  namespaced: true,
  columns: [NAME_COLUMN, col('Controller', 'string', 'Controller of the object'), col('Revision', 'string', 'ControllerRevision.revision'), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', controllerOf(obj.metadata.ownerReferences), num(obj.revision), age(obj, ctx)],
  validateSpec(obj, old) {
    const errs = num(obj.revision) < 0 ? [fieldErr.invalid('revision', num(obj.revision), 'must be greater than or equal to 0')] : [];
    if (old) errs.push(...immutable(obj.data, old.data, 'data'));
    return errs;
  },
});
