import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

describe('ttl-after-finished controller', () => {
  it('deletes a finished job ttlSecondsAfterFinished later', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['job-controller', 'ttl-after-finished-controller', 'garbage-collector-controller'] });
    t.admin.create(R.jobs, 'default', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' }, spec: { ttlSecondsAfterFinished: 30, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } });
    t.settle();
    t.setPhase('default', t.pods()[0]!.metadata.name!, 'Succeeded');
    t.settle();
    t.runtime.advance(29_000);
    t.settle();
    expect(t.admin.get(R.jobs, 'default', 'once').metadata.name).toBe('once');
    t.runtime.advance(2_000);
    t.settle();
    expect(() => t.admin.get(R.jobs, 'default', 'once')).toThrow(/not found/);
    expect(t.pods()).toHaveLength(0);
  });
});
