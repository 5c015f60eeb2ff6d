import { CREATE_ONLY, defineResource } from '../common.ts';

/** SelfSubjectRulesReview: create-only, never stored; the apiserver answers it from authentication or authorization. */
export const selfSubjectRulesReviewDef = defineResource({
  group: 'authorization.k8s.io',
  version: 'v1',
  kind: 'SelfSubjectRulesReview',
  plural: 'selfsubjectrulesreviews',
  namespaced: false,
  verbs: CREATE_ONLY,
  storagePrefix: '',
  validate: () => [],
});
