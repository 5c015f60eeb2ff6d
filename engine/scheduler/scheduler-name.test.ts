import { describe, expect, it } from 'vitest';
import { loadSchedulerConfig } from './config/load.ts';
import type { SchedulerConfiguration } from './config/types.ts';
import { schedulerTestCluster } from './testing/cluster.ts';

function config(text: string): SchedulerConfiguration {
  const r = loadSchedulerConfig(text);
  if ('error' in r) throw new Error(r.error);
  return r.config;
}

describe('schedulerName', () => {
  it('leaves pods for another scheduler Pending, untouched', () => {
    const t = schedulerTestCluster();
    t.node('node01');
    t.start();
    t.pod('mine');
    t.pod('theirs', { schedulerName: 'my-scheduler' });
    t.settle();
    t.advance(6 * 60_000);
    expect(t.nodeOf('mine')).toBe('node01');
    const theirs = t.get('theirs');
    expect(theirs.spec?.nodeName).toBeUndefined();
    expect(theirs.status?.phase).toBe('Pending');
    expect(theirs.status?.conditions ?? []).toEqual([]);
    expect(t.events('theirs')).toEqual([]);
  });

  it('schedules them once a scheduler with that profile runs, with its name on the events', () => {
    const t = schedulerTestCluster();
    t.node('node01');
    t.start();
    t.pod('theirs', { schedulerName: 'my-scheduler' });
    t.settle();
    t.start(
      config(`apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: my-scheduler
`),
    );
    t.settle();
    expect(t.nodeOf('theirs')).toBe('node01');
    const ev = t.admin.list({ group: '', version: 'v1', plural: 'events', namespaced: true }, 'default').items.find((e) => (e as { reason?: string }).reason === 'Scheduled') as unknown as { reportingComponent: string; reportingInstance: string; action: string };
    expect([ev.reportingComponent, ev.reportingInstance, ev.action]).toEqual(['my-scheduler', 'my-scheduler-controlplane', 'Binding']);
  });

  it('runs several profiles in one scheduler, each with its own plugins', () => {
    const t = schedulerTestCluster();
    t.node('controlplane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    t.start(
      config(`apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
- schedulerName: no-taints
  plugins:
    filter:
      disabled:
      - name: TaintToleration
`),
    );
    t.pod('normal');
    t.pod('special', { schedulerName: 'no-taints' });
    t.settle();
    expect(t.nodeOf('normal')).toBeUndefined();
    expect(t.nodeOf('special')).toBe('controlplane');
  });
});
