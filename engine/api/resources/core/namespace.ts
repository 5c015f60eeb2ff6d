import { str, rec } from '../../validation/util.ts';
import { nameIsDnsLabel } from '../../validation/names.ts';
import { age, col, defineResource, metaFields, NAME_COLUMN, AGE_COLUMN, NO_COLLECTION_DELETE } from '../common.ts';

/** Namespace: cluster-scoped; spec.finalizers ["kubernetes"], status.phase Active/Terminating. */
export const namespaceDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  shortNames: ['ns'],
  namespaced: false,
  verbs: NO_COLLECTION_DELETE,
  subresources: ['finalize', 'status'],
  hasStatus: true,
  meta: { nameFn: nameIsDnsLabel },
  columns: [NAME_COLUMN, col('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', str(rec(obj.status).phase), age(obj, ctx)],
  fields: (obj) => ({ ...metaFields(obj, false), 'status.phase': str(rec(obj.status).phase) }),
  defaults(obj) {
    const status = (obj.status ??= {}) as { phase?: string };
    status.phase ??= 'Active';
    // NamespaceDefaultLabelName: every namespace carries its own name as a label, always overwritten.
    if (obj.metadata.name) (obj.metadata.labels ??= {})['kubernetes.io/metadata.name'] = obj.metadata.name;
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Active' };
    const spec = (obj.spec ??= {}) as { finalizers?: string[] };
    // The namespace strategy always installs the kubernetes finalizer.
    const fins = new Set(spec.finalizers ?? []);
    fins.add('kubernetes');
    spec.finalizers = [...fins];
  },
  prepareForUpdate(obj, old) {
    // Finalizers change only through the finalize subresource.
    obj.spec = { ...rec(obj.spec), finalizers: rec(old.spec).finalizers };
  },
});
