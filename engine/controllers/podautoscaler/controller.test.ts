import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import { controllerTestCluster, eventMessages } from '../testing/cluster.ts';
import { stabilize, utilizationReplicas } from './replicas.ts';

function setup(cpuPerPod: number | undefined) {
  const t = controllerTestCluster();
  const metrics = { usage: () => (cpuPerPod === undefined ? undefined : { cpu: cpuPerPod }) };
  t.start({ controllers: ['horizontal-pod-autoscaler-controller', 'replicaset-controller', 'deployment-controller'], metrics });
  t.admin.create(R.deployments, 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m' } } }] } } } });
  t.settle();
  t.kubelet();
  t.settle();
  t.admin.create(R.horizontalpodautoscalers, 'default', { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] } });
  t.settle();
  return t;
}
type Cond = { type: string; status: string; reason: string };
const conds = (o: KObject) => ((o.status as { conditions?: Cond[] }).conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason}`);

describe('horizontal pod autoscaler', () => {
  it('computes replicas with the tolerance and the default behavior', () => {
    expect(utilizationReplicas(2, 50, [{ used: 90, requested: 100 }, { used: 90, requested: 100 }])).toEqual({ replicas: 4, utilization: 90, averageValue: 90 });
    expect(utilizationReplicas(2, 50, [{ used: 52, requested: 100 }, { used: 52, requested: 100 }])).toMatchObject({ replicas: 2 });
    expect(stabilize(2, 20, [], 0)).toBe(6);
    expect(stabilize(5, 1, [{ at: -100_000, replicas: 4 }], 0)).toBe(4);
  });

  it('scales a deployment up on high utilization with SuccessfulRescale', () => {
    // The first sync runs as soon as the autoscaler is seen.
    const t = setup(90);
    expect((t.admin.get(R.deployments, 'default', 'web').spec as { replicas: number }).replicas).toBe(4);
    const hpa = t.admin.get(R.horizontalpodautoscalers, 'default', 'web');
    expect(hpa.status).toMatchObject({ currentReplicas: 2, desiredReplicas: 4, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 90, averageValue: '90m' } } }] });
    expect(conds(hpa)).toEqual(['AbleToScale=True SucceededRescale', 'ScalingActive=True ValidMetricFound', 'ScalingLimited=False DesiredWithinRange']);
    expect(eventMessages(t.events(), 'web')).toContain('SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target');
  });

  it('without metrics reports FailedGetResourceMetric', () => {
    const t = setup(undefined);
    t.runtime.advance(15_000);
    t.settle();
    const hpa = t.admin.get(R.horizontalpodautoscalers, 'default', 'web');
    expect(conds(hpa)).toContain('ScalingActive=False FailedGetResourceMetric');
    expect(eventMessages(t.events(), 'web')).toContain('FailedGetResourceMetric: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API');
  });
});
