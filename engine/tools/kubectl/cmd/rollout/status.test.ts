import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../api/types.ts';
import { rolloutStatus } from './status.ts';

const sts = (updateStrategy: Record<string, unknown>, status: Record<string, unknown>): KObject =>
  ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', generation: 1 }, spec: { replicas: 2, updateStrategy }, status: { observedGeneration: 1, readyReplicas: 2, ...status } }) as KObject;

describe('rollout status of a StatefulSet', () => {
  it('reports a RollingUpdate with its rollingUpdate block (partition 0 by default) as a partitioned roll out', () => {
    expect(rolloutStatus(sts({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, { updatedReplicas: 2 }), 0)).toEqual({ message: 'partitioned roll out complete: 2 new pods have been updated...\n', done: true });
    expect(rolloutStatus(sts({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, { updatedReplicas: 1 }), 0)).toEqual({ message: 'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n', done: false });
  });

  it('reports by revision when the strategy has no rollingUpdate block', () => {
    const s = sts({ type: 'RollingUpdate' }, { currentReplicas: 2, currentRevision: 'db-1', updateRevision: 'db-1' });
    expect(rolloutStatus(s, 0)).toEqual({ message: 'statefulset rolling update complete 2 pods at revision db-1...\n', done: true });
  });
});
