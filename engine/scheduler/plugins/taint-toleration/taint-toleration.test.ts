import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycle-state.ts';
import { PodInfo } from '../../framework/pod-info.ts';
import { Code } from '../../framework/status.ts';
import { pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { taintToleration } from './taint-toleration.ts';

describe('TaintToleration', () => {
  const w = pluginWorld([
    { node: testNode('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }) },
    { node: testNode('gpu', { taints: [{ key: 'gpu', value: 'true', effect: 'NoExecute' }] }) },
    { node: testNode('soft', { taints: [{ key: 'spot', value: 'yes', effect: 'PreferNoSchedule' }] }) },
    { node: testNode('plain') },
  ]);
  const p = taintToleration({}, w.handle);

  it('prints the untolerated taint as {key: value}, empty values included', () => {
    const cp = w.filter(p, testPod('a'), 'cp')!;
    expect([cp.code, cp.reasons]).toEqual([Code.UnschedulableAndUnresolvable, ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']]);
    expect(w.filter(p, testPod('a'), 'gpu')!.reasons).toEqual(['node(s) had untolerated taint {gpu: true}']);
  });

  it('accepts matching tolerations and ignores PreferNoSchedule taints', () => {
    expect(w.filter(p, testPod('a', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }), 'cp')).toBeNull();
    expect(w.filter(p, testPod('a', { tolerations: [{ key: 'gpu', operator: 'Equal', value: 'true' }] }), 'gpu')).toBeNull();
    expect(w.filter(p, testPod('a', { tolerations: [{ key: 'gpu', operator: 'Equal', value: 'false' }] }), 'gpu')).not.toBeNull();
    expect(w.filter(p, testPod('a', { tolerations: [{ operator: 'Exists' }] }), 'gpu')).toBeNull();
    expect(w.filter(p, testPod('a'), 'soft')).toBeNull();
  });

  it('scores nodes with untolerated PreferNoSchedule taints lowest', () => {
    const state = new CycleState();
    const pi = new PodInfo(testPod('a'));
    p.preScore(state, pi, w.cache.list());
    const scores = ['soft', 'plain'].map((n) => ({ name: n, score: p.score(state, pi, w.ni(n)) }));
    p.normalizeScore!(state, pi, scores);
    expect(scores).toEqual([
      { name: 'soft', score: 0 },
      { name: 'plain', score: 100 },
    ]);
  });
});
