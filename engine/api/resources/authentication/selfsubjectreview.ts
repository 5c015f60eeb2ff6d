import { CREATE_ONLY, defineResource } from '../common.ts';

/** SelfSubjectReview: create-only, never stored; the apiserver answers it from authentication or authorization. */
export const selfSubjectReviewDef = defineResource({
  group: 'authentication.k8s.io',
  version: 'v1',
  kind: 'SelfSubjectReview',
  plural: 'selfsubjectreviews',
  namespaced: false,
  verbs: CREATE_ONLY,
  storagePrefix: '',
  validate: () => [],
});
