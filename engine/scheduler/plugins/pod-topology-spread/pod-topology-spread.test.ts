import { describe, expect, it } from 'vitest';
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { KObject } from '../../../api/types.ts';
import { CycleState } from '../../framework/cycle-state.ts';
import { PodInfo } from '../../framework/pod-info.ts';
import { Code } from '../../framework/status.ts';
import { MapLister, pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { podTopologySpread } from './pod-topology-spread.ts';

const web = (name: string, spec: Parameters<typeof testPod>[1] = {}) => testPod(name, spec, { labels: { app: 'web' } });
const spread = (maxSkew: number, key: string, when = 'DoNotSchedule'): TopologySpreadConstraint[] => [{ maxSkew, topologyKey: key, whenUnsatisfiable: when, labelSelector: { matchLabels: { app: 'web' } } }];

describe('PodTopologySpread filter', () => {
  const w = pluginWorld([
    { node: testNode('a1', { labels: { zone: 'a' } }), pods: [web('w1'), web('w2')] },
    { node: testNode('b1', { labels: { zone: 'b' } }), pods: [web('w3')] },
    { node: testNode('nolabel') },
  ]);
  const p = podTopologySpread({}, w.handle);

  it('rejects the domain that would exceed maxSkew', () => {
    const pod = web('new', { topologySpreadConstraints: spread(1, 'zone') });
    const s = w.filter(p, pod, 'a1')!;
    expect([s.code, s.reasons]).toEqual([Code.Unschedulable, ["node(s) didn't match pod topology spread constraints"]]);
    expect(w.filter(p, pod, 'b1')).toBeNull();
  });

  it('rejects nodes without the topology key as unresolvable', () => {
    const s = w.filter(p, web('new', { topologySpreadConstraints: spread(1, 'zone') }), 'nolabel')!;
    expect([s.code, s.reasons]).toEqual([Code.UnschedulableAndUnresolvable, ["node(s) didn't match pod topology spread constraints (missing required label)"]]);
  });
});

describe('PodTopologySpread default constraints', () => {
  it('spread a ReplicaSet by hostname: fewer matching pods scores higher', () => {
    const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-rs', uid: 'rs', controller: true }];
    const own = (p: Pod): Pod => ({ ...p, metadata: { ...p.metadata, ownerReferences: owner } });
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-rs', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } } } } as KObject;
    const w = pluginWorld(
      [
        { node: testNode('n1'), pods: [own(web('w1')), own(web('w2'))] },
        { node: testNode('n2'), pods: [own(web('w3'))] },
        { node: testNode('n3') },
      ],
      { replicaSets: new MapLister([rs]) },
    );
    const p = podTopologySpread({}, w.handle);
    const pi = new PodInfo(own(web('new')));
    const state = new CycleState();
    expect(p.preScore(state, pi, w.cache.list())).toBeNull();
    const scores = ['n1', 'n2', 'n3'].map((n) => ({ name: n, score: p.score(state, pi, w.ni(n)) }));
    p.normalizeScore!(state, pi, scores);
    // count × ln(3 + 2) + (maxSkew − 1), reversed: (max + min − s) × 100 / max.
    expect(scores.map((s) => s.score)).toEqual([40, 60, 100]);
    expect(p.preScore(new CycleState(), new PodInfo(web('orphan')), w.cache.list())!.isSkip()).toBe(true);
  });
});
