import type { KObject } from '../../api/types.ts';
import { col, defineResource, NAME_COLUMN } from '../../api/resources/common.ts';

function usageCell(obj: KObject, key: 'cpu' | 'memory'): string {
  const o = obj as unknown as { usage?: Record<string, string>; containers?: { usage?: Record<string, string> }[] };
  if (o.usage) return o.usage[key] ?? '';
  return (o.containers ?? []).map((c) => c.usage?.[key] ?? '').join(',');
}

function windowCell(obj: KObject): string {
  return String((obj as unknown as { window?: string }).window ?? '');
}

/**
 * NodeMetrics (metrics.k8s.io/v1beta1 nodes): never stored, served by the
 * metrics-server add-on through the apiserver (the aggregation layer's role).
 */
export const nodeMetricsDef = defineResource({
  group: 'metrics.k8s.io',
  version: 'v1beta1',
  kind: 'NodeMetrics',
  plural: 'nodes',
  namespaced: false,
  verbs: ['get', 'list'],
  storagePrefix: '',
  columns: [NAME_COLUMN, col('CPU', 'string', 'CPU usage'), col('Memory', 'string', 'Memory usage'), col('Window', 'string', 'Window of the usage')],
  row: (obj) => [obj.metadata.name ?? '', usageCell(obj, 'cpu'), usageCell(obj, 'memory'), windowCell(obj)],
  fields: (obj) => ({ 'metadata.name': obj.metadata.name ?? '' }),
});

/** PodMetrics (metrics.k8s.io/v1beta1 pods): per-container usage of running pods. */
export const podMetricsDef = defineResource({
  group: 'metrics.k8s.io',
  version: 'v1beta1',
  kind: 'PodMetrics',
  plural: 'pods',
  namespaced: true,
  verbs: ['get', 'list'],
  storagePrefix: '',
  columns: [NAME_COLUMN, col('CPU', 'string', 'CPU usage'), col('Memory', 'string', 'Memory usage'), col('Window', 'string', 'Window of the usage')],
  row: (obj) => [obj.metadata.name ?? '', usageCell(obj, 'cpu'), usageCell(obj, 'memory'), windowCell(obj)],
  fields: (obj) => ({ 'metadata.name': obj.metadata.name ?? '', 'metadata.namespace': obj.metadata.namespace ?? '' }),
});

/** METRICS_RESOURCES are the kinds metrics.k8s.io serves. */
export const METRICS_RESOURCES = [nodeMetricsDef, podMetricsDef];
