import { CREATE_ONLY, defineResource } from '../common.ts';
import { validateAccessReviewSpec } from './spec.ts';

/** SubjectAccessReview: create-only, never stored; the apiserver answers it from authentication or authorization. */
export const subjectAccessReviewDef = defineResource({
  group: 'authorization.k8s.io',
  version: 'v1',
  kind: 'SubjectAccessReview',
  plural: 'subjectaccessreviews',
  namespaced: false,
  verbs: CREATE_ONLY,
  storagePrefix: '',
  validate: (obj) => validateAccessReviewSpec(obj, false),
});
