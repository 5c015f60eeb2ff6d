import { describe, expect, it } from 'vitest';
import { FakeView, request } from '../testing/fake-view.ts';
import { taintNodesByCondition } from './taint-nodes-by-condition.ts';

describe('TaintNodesByCondition', () => {
  it('taints new nodes not-ready:NoSchedule, once', () => {
    const req = request('CREATE', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' }, spec: { taints: [{ key: 'a', effect: 'NoExecute' }] } });
    taintNodesByCondition().admit!(req, new FakeView());
    expect((req.object!.spec as any).taints).toEqual([{ key: 'a', effect: 'NoExecute' }, { effect: 'NoSchedule', key: 'node.kubernetes.io/not-ready' }]);
    taintNodesByCondition().admit!(req, new FakeView());
    expect((req.object!.spec as any).taints).toHaveLength(2);
    const upd = request('UPDATE', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' }, spec: {} }, { old: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' } } });
    taintNodesByCondition().admit!(upd, new FakeView());
    expect((upd.object!.spec as any).taints).toBeUndefined();
  });
});
