import { CREATE_ONLY, defineResource } from '../common.ts';

/** TokenReview: create-only, never stored; the apiserver answers it from authentication or authorization. */
export const tokenReviewDef = defineResource({
  group: 'authentication.k8s.io',
  version: 'v1',
  kind: 'TokenReview',
  plural: 'tokenreviews',
  namespaced: false,
  verbs: CREATE_ONLY,
  storagePrefix: '',
  validate: () => [],
});
