import { describe, expect, it } from 'vitest';
import { FakeView, pod, request } from '../testing/fake-view.ts';
import { defaultTolerationSeconds } from './default-toleration-seconds.ts';

function tolerations(spec: Record<string, unknown>): unknown {
  const req = request('CREATE', pod('p', 'dev', spec));
  defaultTolerationSeconds().admit!(req, new FakeView());
  return (req.object!.spec as Record<string, unknown>).tolerations;
}

describe('DefaultTolerationSeconds', () => {
  it('adds 300 s NoExecute tolerations for not-ready and unreachable', () => {
    expect(tolerations({})).toEqual([
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
  });
  it('keeps existing tolerations of those taints (or of everything)', () => {
    const own = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 };
    expect(tolerations({ tolerations: [own] })).toEqual([own, { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 }]);
    expect(tolerations({ tolerations: [{ operator: 'Exists' }] })).toEqual([{ operator: 'Exists' }]);
  });
});
