import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, pod, request, thrownMessage } from '../testing/fake-view.ts';
import { priority } from './priority.ts';

const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, preemptionPolicy: 'PreemptLowerPriority', ...extra });

function admit(spec: Record<string, unknown>, view: FakeView): Record<string, unknown> {
  const req = request('CREATE', pod('p', 'dev', spec));
  priority().admit!(req, view);
  return req.object!.spec as Record<string, unknown>;
}

describe('Priority', () => {
  it('resolves the class into priority and preemptionPolicy', () => {
    const view = new FakeView([pc('high', 1000, { preemptionPolicy: 'Never' })]);
    const spec = admit({ priorityClassName: 'high' }, view);
    expect([spec.priority, spec.preemptionPolicy]).toEqual([1000, 'Never']);
  });
  it('uses the globalDefault class, or priority 0 when there is none', () => {
    const spec = admit({}, new FakeView([pc('normal', 100, { globalDefault: true }), pc('other', 5)]));
    expect([spec.priorityClassName, spec.priority, spec.preemptionPolicy]).toEqual(['normal', 100, 'PreemptLowerPriority']);
    const none = admit({}, new FakeView([]));
    expect([none.priorityClassName, none.priority, none.preemptionPolicy]).toEqual([undefined, 0, 'PreemptLowerPriority']);
  });
  it('refuses unknown classes and conflicting priorities', () => {
    expect(thrownMessage(() => admit({ priorityClassName: 'foo' }, new FakeView([])))).toBe('pods "p" is forbidden: no PriorityClass with name foo was found');
    expect(thrownMessage(() => admit({ priorityClassName: 'high', priority: 5 }, new FakeView([pc('high', 1000)])))).toBe(
      'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    );
  });
  it('allows only one globalDefault class', () => {
    const view = new FakeView([pc('normal', 100, { globalDefault: true })]);
    expect(thrownMessage(() => priority().validate!(request('CREATE', pc('another', 1, { globalDefault: true })), view))).toBe(
      'priorityclasses.scheduling.k8s.io "another" is forbidden: PriorityClass normal is already marked as default. Only one default can exist',
    );
    expect(thrownMessage(() => priority().validate!(request('UPDATE', pc('normal', 100, { globalDefault: true }), { old: pc('normal', 100, { globalDefault: true }) }), view))).toBe('');
  });
});
