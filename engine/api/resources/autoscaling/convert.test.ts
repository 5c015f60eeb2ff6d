import { describe, expect, it } from 'vitest';
import { CTX } from '../testing/fixtures.ts';
import { hpaV1Def, hpaV2Def } from './horizontalpodautoscaler.ts';
import { hpaV1ToV2, hpaV2ToV1 } from './convert.ts';

describe('autoscaling v1 ⇄ v2', () => {
  const v1 = {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 50 },
    status: { currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 12 },
  };

  it('moves the CPU target into a v2 Resource metric and back', () => {
    const v2 = hpaV1ToV2(v1);
    expect(v2.spec).toEqual({ scaleTargetRef: v1.spec.scaleTargetRef, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] });
    expect(hpaV2Def.row(v2, CTX)[2]).toBe('cpu: 12%/50%');
    expect(hpaV1Def.row(v1, CTX)[2]).toBe('cpu: 12%/50%');
    expect(hpaV2ToV1(v2)).toEqual(v1);
  });
});
