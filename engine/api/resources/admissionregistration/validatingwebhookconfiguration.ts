import { list } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { generationStrategy } from '../strategy.ts';
import { defaultWebhooks, validateWebhooks } from './webhooks.ts';

/** ValidatingWebhookConfiguration: WEBHOOKS counts the webhooks of one configuration. */
export const validatingWebhookConfigurationDef = defineResource({
  group: 'admissionregistration.k8s.io',
  version: 'v1',
  kind: 'ValidatingWebhookConfiguration',
  plural: 'validatingwebhookconfigurations',
  namespaced: false,
  categories: ['api-extensions'],
  columns: [NAME_COLUMN, col('Webhooks', 'integer', 'Webhooks indicates the number of webhooks registered in this configuration'), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', list(obj.webhooks).length, age(obj, ctx)],
  defaults: (obj) => defaultWebhooks(obj.webhooks, false),
  validateSpec: (obj) => validateWebhooks(obj.webhooks),
  ...generationStrategy(['webhooks']),
});
