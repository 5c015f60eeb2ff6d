import { describe, expect, it } from 'vitest';
import { Code } from '../../framework/status.ts';
import { pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { ERR_REASON_NODE_NAME, nodeName } from '../node-name/node-name.ts';
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

describe('NodeName', () => {
  const w = pluginWorld([{ node: testNode('node01') }, { node: testNode('node02') }]);
  const p = nodeName({}, w.handle);
  it('keeps a pod naming a node to that node', () => {
    const pod = testPod('a', { nodeName: 'node01' });
    expect(w.filter(p, pod, 'node01')).toBeNull();
    expect(w.filter(p, pod, 'node02')!.reasons).toEqual([ERR_REASON_NODE_NAME]);
    expect(ERR_REASON_NODE_NAME).toBe("node(s) didn't match the requested node name");
  });
});
