import { describe, expect, it } from 'vitest';
import { pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { ERR_REASON_NODE_NAME, nodeName } from './node-name.ts';

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
