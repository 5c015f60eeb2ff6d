import { CREATE_ONLY, defineResource } from '../common.ts';
import { validateAccessReviewSpec } from './spec.ts';

/** SelfSubjectAccessReview: create-only, never stored; the apiserver answers it from authentication or authorization. */
export const selfSubjectAccessReviewDef = defineResource({
  group: 'authorization.k8s.io',
  version: 'v1',
  kind: 'SelfSubjectAccessReview',
  plural: 'selfsubjectaccessreviews',
  namespaced: false,
  verbs: CREATE_ONLY,
  storagePrefix: '',
  validate: (obj) => validateAccessReviewSpec(obj, true),
});
