import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster, eventMessages } from '../testing/cluster.ts';
import { jobName } from './controller.ts';

function cronjob(name: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } }, ...spec },
  };
}

describe('cronjob controller', () => {
  it('creates <cj>-<minutes> jobs on schedule and records lastScheduleTime', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['cronjob-controller', 'job-controller'] });
    t.admin.create(R.cronjobs, 'default', cronjob('hello'));
    t.settle();
    expect(t.admin.list(R.jobs, 'default').items).toHaveLength(0);
    const due = Math.ceil((t.runtime.now + 1) / 60_000) * 60_000;
    t.runtime.advanceTo(due + 1000);
    t.settle();
    const jobs = t.admin.list(R.jobs, 'default').items;
    expect(jobs.map((j) => j.metadata.name)).toEqual([jobName('hello', due)]);
    expect(jobs[0]!.metadata.name).toBe(`hello-${due / 60_000}`);
    const cj = t.admin.get(R.cronjobs, 'default', 'hello');
    expect((cj.status as { lastScheduleTime: string }).lastScheduleTime).toBe(new Date(due).toISOString().replace('.000Z', 'Z'));
    expect((cj.status as { active: { name: string }[] }).active.map((a) => a.name)).toEqual([jobs[0]!.metadata.name]);
    expect(eventMessages(t.events(), 'hello')).toContain(`SuccessfulCreate: Created job hello-${due / 60_000}`);
  });

  it('Forbid skips a run while the previous one is active; suspend stops new runs', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['cronjob-controller'] });
    t.admin.create(R.cronjobs, 'default', cronjob('hello', { concurrencyPolicy: 'Forbid' }));
    t.runtime.advance(61_000);
    t.settle();
    t.runtime.advance(60_000);
    t.settle();
    expect(t.admin.list(R.jobs, 'default').items).toHaveLength(1);
    expect(eventMessages(t.events(), 'hello')).toContain('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
    t.admin.patch(R.cronjobs, 'default', 'hello', 'merge', { spec: { suspend: true, concurrencyPolicy: 'Allow' } });
    t.runtime.advance(180_000);
    t.settle();
    expect(t.admin.list(R.jobs, 'default').items).toHaveLength(1);
  });

  it('keeps successfulJobsHistoryLimit finished jobs', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['cronjob-controller', 'job-controller'] });
    t.admin.create(R.cronjobs, 'default', cronjob('hello', { successfulJobsHistoryLimit: 1 }));
    for (let i = 0; i < 3; i++) {
      t.runtime.advance(60_000);
      t.settle();
      for (const p of t.pods()) if ((p.status as { phase?: string }).phase !== 'Succeeded') t.setPhase('default', p.metadata.name!, 'Succeeded');
      t.settle();
    }
    const jobs = t.admin.list(R.jobs, 'default').items.filter((j) => (j.status as { succeeded?: number }).succeeded === 1);
    expect(jobs).toHaveLength(1);
    expect(eventMessages(t.events(), 'hello').some((m) => m.startsWith('SawCompletedJob: Saw completed job: hello-') && m.endsWith(', condition: Complete'))).toBe(true);
  });

  it('reports a running job it did not start (create job --from=cronjob) without counting it as active', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['cronjob-controller', 'job-controller'] });
    const cj = t.admin.create(R.cronjobs, 'default', cronjob('hello'));
    t.settle();
    const owner = { apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid!, controller: true, blockOwnerDeletion: true };
    const tpl = (cj.spec as { jobTemplate: { spec: unknown } }).jobTemplate.spec;
    t.admin.create(R.jobs, 'default', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'manual', annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' }, ownerReferences: [owner] }, spec: tpl });
    t.settle();
    expect(eventMessages(t.events(), 'hello')).toContain('UnexpectedJob: Saw a job that the controller did not create or forgot: manual');
    expect((t.admin.get(R.cronjobs, 'default', 'hello').status as { active?: unknown[] }).active).toBeUndefined();
    for (const p of t.pods()) t.setPhase('default', p.metadata.name!, 'Succeeded');
    t.settle();
    const msgs = eventMessages(t.events(), 'hello');
    expect(msgs.some((m) => m.startsWith('SawCompletedJob'))).toBe(false);
    expect((t.admin.get(R.cronjobs, 'default', 'hello').status as { lastSuccessfulTime?: string }).lastSuccessfulTime).toBeDefined();
  });
});
