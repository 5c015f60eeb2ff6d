import { CREATE_ONLY, defineResource } from '../common.ts';
import { validateAccessReviewSpec } from './spec.ts';

/** LocalSubjectAccessReview: create-only, never stored; the apiserver answers it from authentication or authorization. */
export const localSubjectAccessReviewDef = defineResource({
  group: 'authorization.k8s.io',
  version: 'v1',
  kind: 'LocalSubjectAccessReview',
  plural: 'localsubjectaccessreviews',
  namespaced: true,
  verbs: CREATE_ONLY,
  storagePrefix: '',
  validate: (obj) => validateAccessReviewSpec(obj, false),
});
