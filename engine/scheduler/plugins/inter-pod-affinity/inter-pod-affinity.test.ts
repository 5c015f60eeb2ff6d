import { describe, expect, it } from 'vitest';
import type { PodAffinityTerm } from 'kubernetes-types/core/v1';
import { CycleState } from '../../framework/cycle-state.ts';
import { PodInfo } from '../../framework/pod-info.ts';
import { Code } from '../../framework/status.ts';
import { pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { interPodAffinity } from './inter-pod-affinity.ts';

const term = (labels: Record<string, string>, topologyKey: string): PodAffinityTerm => ({ labelSelector: { matchLabels: labels }, topologyKey });

const w = pluginWorld([
  { node: testNode('a1', { labels: { zone: 'a' } }), pods: [testPod('db', {}, { labels: { app: 'db' } })] },
  { node: testNode('a2', { labels: { zone: 'a' } }) },
  {
    node: testNode('b1', { labels: { zone: 'b' } }),
    pods: [testPod('loner', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, 'kubernetes.io/hostname')] } } }, { labels: { app: 'loner' } })],
  },
]);
const p = interPodAffinity({}, w.handle);

describe('InterPodAffinity filter', () => {
  it('requires a matching pod in the same topology domain', () => {
    const pod = testPod('api', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' }, 'zone')] } } });
    expect(w.filter(p, pod, 'a2')).toBeNull();
    const s = w.filter(p, pod, 'b1')!;
    expect([s.code, s.reasons]).toEqual([Code.UnschedulableAndUnresolvable, ["node(s) didn't match pod affinity rules"]]);
  });

  it('keeps away from pods the anti-affinity matches', () => {
    const pod = testPod('cache', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' }, 'zone')] } } });
    const s = w.filter(p, pod, 'a2')!;
    expect([s.code, s.reasons]).toEqual([Code.Unschedulable, ["node(s) didn't match pod anti-affinity rules"]]);
    expect(w.filter(p, pod, 'b1')).toBeNull();
  });

  it("honours existing pods' anti-affinity", () => {
    const s = w.filter(p, testPod('web', {}, { labels: { app: 'web' } }), 'b1')!;
    expect(s.reasons).toEqual(["node(s) didn't satisfy existing pods anti-affinity rules"]);
    expect(w.filter(p, testPod('web', {}, { labels: { app: 'web' } }), 'a1')).toBeNull();
  });

  it('lets the first pod of a self-affine group go anywhere with the topology label', () => {
    const pod = testPod('first', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'cluster' }, 'zone')] } } }, { labels: { app: 'cluster' } });
    expect(w.filter(p, pod, 'b1')).toBeNull();
  });
});

describe('InterPodAffinity score', () => {
  it('prefers the domain of pods the preferred terms match', () => {
    const pod = testPod('api', { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term({ app: 'db' }, 'zone') }] } } });
    const state = new CycleState();
    const pi = new PodInfo(pod);
    expect(p.preScore(state, pi, w.cache.list())).toBeNull();
    const scores = ['a1', 'a2', 'b1'].map((n) => ({ name: n, score: p.score(state, pi, w.ni(n)) }));
    p.normalizeScore!(state, pi, scores);
    expect(scores.map((s) => s.score)).toEqual([100, 100, 0]);
  });
});
