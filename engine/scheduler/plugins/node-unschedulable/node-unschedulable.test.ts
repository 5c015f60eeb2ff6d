import { describe, expect, it } from 'vitest';
import { Code } from '../../framework/status.ts';
import { pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { nodeUnschedulable } from './node-unschedulable.ts';

describe('NodeUnschedulable', () => {
  const w = pluginWorld([{ node: testNode('cordoned', { unschedulable: true }) }, { node: testNode('open') }]);
  const p = nodeUnschedulable({}, w.handle);

  it('rejects cordoned nodes with the real reason, as unresolvable', () => {
    const s = w.filter(p, testPod('a'), 'cordoned')!;
    expect([s.code, s.reasons]).toEqual([Code.UnschedulableAndUnresolvable, ['node(s) were unschedulable']]);
    expect(w.filter(p, testPod('a'), 'open')).toBeNull();
  });

  it('lets pods tolerating node.kubernetes.io/unschedulable through', () => {
    expect(w.filter(p, testPod('a', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }), 'cordoned')).toBeNull();
  });
});
