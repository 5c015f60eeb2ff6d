import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject, ResourceDef } from '../../types.ts';
import { isSet, list, num, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';
import { formatHPAMetrics } from './hpa-row.ts';

/** HorizontalPodAutoscaler, served as autoscaling/v2 (preferred) and autoscaling/v1. */

const COLUMNS = [
  NAME_COLUMN,
  col('Reference', 'string', 'HorizontalPodAutoscalerSpec.scaleTargetRef'),
  col('Targets', 'string', 'HorizontalPodAutoscalerSpec.metrics'),
  col('MinPods', 'string', 'HorizontalPodAutoscalerSpec.minReplicas'),
  col('MaxPods', 'string', 'HorizontalPodAutoscalerSpec.maxReplicas'),
  col('Replicas', 'string', 'HorizontalPodAutoscalerStatus.currentReplicas'),
  AGE_COLUMN,
];

function scaleDownUp(b: Record<string, unknown>): void {
  const up = (b.scaleUp ??= {}) as Record<string, unknown>;
  up.stabilizationWindowSeconds ??= 0;
  up.selectPolicy ??= 'Max';
  up.policies ??= [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ];
  const down = (b.scaleDown ??= {}) as Record<string, unknown>;
  down.stabilizationWindowSeconds ??= 300;
  down.selectPolicy ??= 'Max';
  down.policies ??= [{ type: 'Percent', value: 100, periodSeconds: 15 }];
}

function validateCommon(spec: Record<string, unknown>): FieldError[] {
  const errs: FieldError[] = [];
  const ref = rec(spec.scaleTargetRef);
  if (!str(ref.kind)) errs.push(fieldErr.required('spec.scaleTargetRef.kind', ''));
  if (!str(ref.name)) errs.push(fieldErr.required('spec.scaleTargetRef.name', ''));
  const min = isSet(spec.minReplicas) ? num(spec.minReplicas) : 1;
  if (min < 1) errs.push(fieldErr.invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  const max = num(spec.maxReplicas);
  if (max < 1) errs.push(fieldErr.invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (max < min) errs.push(fieldErr.invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  return errs;
}

function validateV2(obj: KObject): FieldError[] {
  const spec = rec(obj.spec);
  const errs = validateCommon(spec);
  list(spec.metrics).forEach((m, i) => {
    const types = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
    if (!types.includes(str(m.type))) errs.push(fieldErr.notSupported(`spec.metrics[${i}].type`, str(m.type), types));
    const r = rec(m.resource);
    if (str(m.type) === 'Resource' && isSet(rec(r.target).averageUtilization) && num(rec(r.target).averageUtilization) <= 0) {
      errs.push(fieldErr.invalid(`spec.metrics[${i}].resource.target.averageUtilization`, num(rec(r.target).averageUtilization), 'must be greater than 0'));
    }
  });
  return errs;
}

function row(metricsOf: (o: KObject) => string) {
  return (obj: KObject, ctx: { now: number }) => {
    const spec = rec(obj.spec);
    const ref = rec(spec.scaleTargetRef);
    return [
      obj.metadata.name ?? '',
      `${str(ref.kind)}/${str(ref.name)}`,
      metricsOf(obj),
      isSet(spec.minReplicas) ? String(num(spec.minReplicas)) : '<unset>',
      num(spec.maxReplicas),
      num(rec(obj.status).currentReplicas),
      age(obj, ctx),
    ];
  };
}

const base = {
  group: 'autoscaling',
  kind: 'HorizontalPodAutoscaler',
  plural: 'horizontalpodautoscalers',
  shortNames: ['hpa'],
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  columns: COLUMNS,
} satisfies Partial<ResourceDef>;

export const hpaV2Def = defineResource({
  ...base,
  version: 'v2',
  row: row((o) => formatHPAMetrics(rec(o.spec).metrics, rec(o.status).currentMetrics)),
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.minReplicas ??= 1;
    if (list(spec.metrics).length === 0) {
      spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
    }
    if (isSet(spec.behavior)) scaleDownUp(rec(spec.behavior));
  },
  validateSpec: validateV2,
  ...specStatusStrategy(() => ({ desiredReplicas: 0 })),
});

/** v1Metrics renders autoscaling/v1's single CPU target the way the v2 printer shows it after conversion. */
function v1Metrics(obj: KObject): string {
  const spec = rec(obj.spec);
  const status = rec(obj.status);
  const target = isSet(spec.targetCPUUtilizationPercentage) ? `${num(spec.targetCPUUtilizationPercentage)}%` : '<auto>';
  const cur = isSet(status.currentCPUUtilizationPercentage) ? `${num(status.currentCPUUtilizationPercentage)}%` : '<unknown>';
  return `cpu: ${cur}/${target}`;
}

export const hpaV1Def = defineResource({
  ...base,
  version: 'v1',
  preferred: false,
  row: row(v1Metrics),
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.minReplicas ??= 1;
    // Stored as v2 with the default CPU metric, read back as 80%.
    spec.targetCPUUtilizationPercentage ??= 80;
  },
  validateSpec(obj) {
    const spec = rec(obj.spec);
    const errs = validateCommon(spec);
    if (isSet(spec.targetCPUUtilizationPercentage) && num(spec.targetCPUUtilizationPercentage) < 1) {
      errs.push(fieldErr.invalid('spec.targetCPUUtilizationPercentage', num(spec.targetCPUUtilizationPercentage), 'must be greater than 0'));
    }
    return errs;
  },
  ...specStatusStrategy(() => ({ currentReplicas: 0, desiredReplicas: 0 })),
});
