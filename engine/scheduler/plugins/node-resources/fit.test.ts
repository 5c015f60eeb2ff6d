import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycle-state.ts';
import { PodInfo } from '../../framework/pod-info.ts';
import { calculatePodResource } from '../../framework/resources.ts';
import { Code } from '../../framework/status.ts';
import { pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { balancedAllocation } from './balanced-allocation.ts';
import { nodeResourcesFit } from './fit.ts';

const w = pluginWorld([
  { node: testNode('n1', { cpu: '2', memory: '4Gi', pods: 3 }), pods: [testPod('used', { requests: { cpu: '500m', memory: '1Gi' } })] },
  { node: testNode('full', { cpu: '2', memory: '4Gi', pods: 1 }), pods: [testPod('only')] },
]);
const fit = nodeResourcesFit({}, w.handle);

describe('NodeResourcesFit filter', () => {
  it('counts allocatable minus what the pods already there request', () => {
    expect(w.filter(fit, testPod('a', { requests: { cpu: '1500m', memory: '3Gi' } }), 'n1')).toBeNull();
    const s = w.filter(fit, testPod('a', { requests: { cpu: '1600m', memory: '3Gi' } }), 'n1')!;
    expect([s.code, s.reasons]).toEqual([Code.Unschedulable, ['Insufficient cpu']]);
    expect(w.filter(fit, testPod('a', { requests: { cpu: '1600m', memory: '3100Mi' } }), 'n1')!.reasons).toEqual(['Insufficient cpu', 'Insufficient memory']);
  });

  it('says "Too many pods" when the pods allocatable is used up', () => {
    expect(w.filter(fit, testPod('a'), 'full')!.reasons).toEqual(['Too many pods']);
  });

  it('is unresolvable when the pod asks for more than the whole node', () => {
    const s = w.filter(fit, testPod('a', { requests: { memory: '5Gi' } }), 'n1')!;
    expect([s.code, s.reasons]).toEqual([Code.UnschedulableAndUnresolvable, ['Insufficient memory']]);
  });

  it('reports extended resources by name', () => {
    expect(w.filter(fit, testPod('a', { requests: { 'nvidia.com/gpu': '1' } }), 'n1')!.reasons).toEqual(['Insufficient nvidia.com/gpu']);
  });
});

describe('pod requests', () => {
  it('takes the larger of init containers and containers, plus sidecars and overhead', () => {
    const pod = testPod('a', {
      initContainers: [{ name: 'init', image: 'busybox', resources: { requests: { cpu: '1' } } }],
      containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '200m', memory: '64Mi' } } }],
      overhead: { cpu: '250m' },
    });
    expect(calculatePodResource(pod).resource.milliCPU).toBe(1250);
    const sidecar = testPod('b', {
      initContainers: [
        { name: 'proxy', image: 'envoy', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } },
        { name: 'migrate', image: 'busybox', resources: { requests: { cpu: '300m' } } },
      ],
      containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '200m' } } }],
    });
    expect(calculatePodResource(sidecar).resource.milliCPU).toBe(400);
  });

  it('counts 100m and 200Mi for scoring when no container asks for cpu or memory', () => {
    const r = calculatePodResource(testPod('a'));
    expect([r.resource.milliCPU, r.nonZeroCPU, r.nonZeroMem]).toEqual([0, 100, 200 * 1024 * 1024]);
  });
});

describe('resource scores', () => {
  it('LeastAllocated favours free room; BalancedAllocation favours even use', () => {
    const pi = new PodInfo(testPod('a', { requests: { cpu: '1', memory: '1Gi' } }));
    const state = new CycleState();
    fit.preScore(state, pi, w.cache.list());
    expect(fit.score(state, pi, w.ni('n1'))).toBe(37);
    const ba = balancedAllocation({}, w.handle);
    ba.preScore(state, pi, w.cache.list());
    expect(ba.score(state, pi, w.ni('n1'))).toBe(87);
  });

  it('MostAllocated packs', () => {
    const most = nodeResourcesFit({ scoringStrategy: { type: 'MostAllocated' } }, w.handle);
    const pi = new PodInfo(testPod('a', { requests: { cpu: '1', memory: '1Gi' } }));
    const state = new CycleState();
    most.preScore(state, pi, w.cache.list());
    expect(most.score(state, pi, w.ni('n1'))).toBe(62);
  });
});
