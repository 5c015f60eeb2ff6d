import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycle-state.ts';
import { PodInfo } from '../../framework/pod-info.ts';
import { Code } from '../../framework/status.ts';
import { pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { nodeAffinity } from './node-affinity.ts';

const w = pluginWorld([
  { node: testNode('ssd', { labels: { disk: 'ssd', size: '10', zone: 'a' } }) },
  { node: testNode('hdd', { labels: { disk: 'hdd', size: '3', zone: 'b' } }) },
]);
const p = nodeAffinity({}, w.handle);

describe('NodeAffinity', () => {
  it('rejects nodes that miss the nodeSelector with the real reason', () => {
    const pod = testPod('a', { nodeSelector: { disk: 'ssd' } });
    expect(w.filter(p, pod, 'ssd')).toBeNull();
    const s = w.filter(p, pod, 'hdd')!;
    expect([s.code, s.reasons]).toEqual([Code.UnschedulableAndUnresolvable, ["node(s) didn't match Pod's node affinity/selector"]]);
  });

  it('matches required terms (ORed) with In, NotIn, Exists and Gt', () => {
    const req = (expr: object[]) => testPod('a', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expr as never }] } } } });
    expect(w.filter(p, req([{ key: 'disk', operator: 'In', values: ['ssd', 'nvme'] }]), 'hdd')).not.toBeNull();
    expect(w.filter(p, req([{ key: 'disk', operator: 'NotIn', values: ['ssd'] }]), 'hdd')).toBeNull();
    expect(w.filter(p, req([{ key: 'gpu', operator: 'Exists' }]), 'ssd')).not.toBeNull();
    expect(w.filter(p, req([{ key: 'size', operator: 'Gt', values: ['5'] }]), 'ssd')).toBeNull();
    expect(w.filter(p, req([{ key: 'size', operator: 'Gt', values: ['5'] }]), 'hdd')).not.toBeNull();
    const or = testPod('a', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['x'] }] }, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }] } } } });
    expect(w.filter(p, or, 'hdd')).toBeNull();
  });

  it('scores preferred terms by weight, normalised to 100', () => {
    const pod = testPod('a', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 80, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
            { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] } },
          ],
        },
      },
    });
    const state = new CycleState();
    const pi = new PodInfo(pod);
    expect(p.preScore(state, pi, w.cache.list())).toBeNull();
    const scores = ['ssd', 'hdd'].map((n) => ({ name: n, score: p.score(state, pi, w.ni(n)) }));
    expect(scores.map((s) => s.score)).toEqual([80, 20]);
    p.normalizeScore!(state, pi, scores);
    expect(scores.map((s) => s.score)).toEqual([100, 25]);
    expect(p.preScore(new CycleState(), new PodInfo(testPod('b')), w.cache.list())!.isSkip()).toBe(true);
  });
});
