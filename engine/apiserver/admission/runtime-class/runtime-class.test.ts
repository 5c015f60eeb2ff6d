import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, pod, request, thrownMessage } from '../testing/fake-view.ts';
import { runtimeClass } from './runtime-class.ts';

const rc: KObject = {
  apiVersion: 'node.k8s.io/v1',
  kind: 'RuntimeClass',
  metadata: { name: 'gvisor' },
  handler: 'runsc',
  overhead: { podFixed: { cpu: '250m', memory: '120Mi' } },
  scheduling: { nodeSelector: { sandbox: 'true' }, tolerations: [{ key: 'sandbox', operator: 'Exists', effect: 'NoSchedule' }] },
};

function run(spec: Record<string, unknown>): Record<string, unknown> {
  const view = new FakeView([rc]);
  const req = request('CREATE', pod('p', 'dev', spec));
  runtimeClass().admit!(req, view);
  runtimeClass().validate!(req, view);
  return req.object!.spec as Record<string, unknown>;
}

describe('RuntimeClass', () => {
  it('copies overhead and scheduling from the class', () => {
    const spec = run({ runtimeClassName: 'gvisor' });
    expect(spec.overhead).toEqual({ cpu: '250m', memory: '120Mi' });
    expect(spec.nodeSelector).toEqual({ sandbox: 'true' });
    expect(spec.tolerations).toEqual([{ key: 'sandbox', operator: 'Exists', effect: 'NoSchedule' }]);
  });
  it('refuses unknown classes and conflicting selectors', () => {
    expect(thrownMessage(() => run({ runtimeClassName: 'kata' }))).toBe('pods "p" is forbidden: pod rejected: RuntimeClass "kata" not found');
    expect(thrownMessage(() => run({ runtimeClassName: 'gvisor', nodeSelector: { sandbox: 'false' } }))).toBe(
      'pods "p" is forbidden: conflict: runtimeClass.scheduling.nodeSelector[sandbox] = true; pod.spec.nodeSelector[sandbox] = false',
    );
    expect(thrownMessage(() => run({ overhead: { cpu: '1' } }))).toBe('pods "p" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead');
  });
});
