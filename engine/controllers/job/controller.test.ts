import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import { controllerTestCluster, eventMessages } from '../testing/cluster.ts';

function job(name: string, spec: Record<string, unknown> = {}) {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } }, ...spec } };
}
type Cond = { type: string; status: string; reason: string; message: string };
const conds = (o: KObject) => ((o.status as { conditions?: Cond[] }).conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`);
const active = (t: ReturnType<typeof controllerTestCluster>) => t.pods().filter((p) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes((p.status as { phase?: string }).phase ?? ''));

describe('job controller', () => {
  it('runs completions with parallelism and completes with the real conditions', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['job-controller'] });
    t.admin.create(R.jobs, 'default', job('pi', { completions: 3, parallelism: 2 }));
    t.settle();
    let pods = active(t);
    expect(pods).toHaveLength(2);
    expect(pods[0]!.metadata.name).toMatch(/^pi-[a-z0-9]{5}$/);
    expect(pods[0]!.metadata.labels?.['job-name']).toBe('pi');
    expect(pods[0]!.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(t.admin.get(R.jobs, 'default', 'pi').status).toMatchObject({ active: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    for (let i = 0; i < 3; i++) {
      for (const p of active(t)) t.setPhase('default', p.metadata.name!, 'Succeeded');
      t.settle();
      pods = active(t);
    }
    const j = t.admin.get(R.jobs, 'default', 'pi');
    expect(j.status).toMatchObject({ succeeded: 3 });
    expect((j.status as { active?: number }).active).toBeUndefined();
    expect((j.status as { completionTime?: string }).completionTime).toBeDefined();
    expect(conds(j)).toEqual(['SuccessCriteriaMet=True CompletionsReached: Reached expected number of succeeded pods', 'Complete=True CompletionsReached: Reached expected number of succeeded pods']);
    expect(t.pods().every((p) => !p.metadata.finalizers)).toBe(true);
    expect(eventMessages(t.events(), 'pi')).toContain('Completed: Job completed');
  });

  it('retries failed pods with back-off and fails past backoffLimit', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['job-controller'] });
    t.admin.create(R.jobs, 'default', job('bad', { backoffLimit: 1 }));
    t.settle();
    t.setPhase('default', active(t)[0]!.metadata.name!, 'Failed');
    t.settle();
    expect(active(t)).toHaveLength(0); // back-off: 10s before the next pod
    t.runtime.advance(10_000);
    t.settle();
    expect(active(t)).toHaveLength(1);
    t.setPhase('default', active(t)[0]!.metadata.name!, 'Failed');
    t.settle();
    const j = t.admin.get(R.jobs, 'default', 'bad');
    expect(j.status).toMatchObject({ failed: 2 });
    expect(conds(j)).toEqual(['FailureTarget=True BackoffLimitExceeded: Job has reached the specified backoff limit', 'Failed=True BackoffLimitExceeded: Job has reached the specified backoff limit']);
    expect(eventMessages(t.events(), 'bad')).toContain('BackoffLimitExceeded: Job has reached the specified backoff limit');
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['job-controller'] });
    t.admin.create(R.jobs, 'default', job('slow', { activeDeadlineSeconds: 30 }));
    t.settle();
    t.runtime.advance(31_000);
    t.settle();
    expect(conds(t.admin.get(R.jobs, 'default', 'slow'))).toContain('Failed=True DeadlineExceeded: Job was active longer than specified deadline');
    expect(active(t)).toHaveLength(0);
  });

  it('Indexed jobs name pods <job>-<index>-xxxxx and report completedIndexes', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['job-controller'] });
    t.admin.create(R.jobs, 'default', job('idx', { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    t.settle();
    const pods = active(t);
    expect(pods.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1', '2']);
    const p1 = pods.find((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'] === '1')!;
    expect(p1.metadata.name).toMatch(/^idx-1-[a-z0-9]{5}$/);
    expect((p1.spec as { hostname: string }).hostname).toBe('idx-1');
    t.setPhase('default', p1.metadata.name!, 'Succeeded');
    t.settle();
    expect(t.admin.get(R.jobs, 'default', 'idx').status).toMatchObject({ completedIndexes: '1', succeeded: 1 });
  });
});
