import { describe, expect, it } from 'vitest';
import { validatePodSpecUpdate } from './pod-update.ts';

const pod = (gates: string[]) => ({ spec: { containers: [{ name: 'c', image: 'nginx' }], schedulingGates: gates.map((name) => ({ name })) } });

describe('validatePodSpecUpdate scheduling gates', () => {
  it('lets gates be removed but not added', () => {
    expect(validatePodSpecUpdate(pod([]), pod(['example.com/wait']))).toEqual([]);
    const errs = validatePodSpecUpdate(pod(['example.com/wait', 'new']), pod(['example.com/wait']));
    expect(errs.map((e) => `${e.field}: ${e.detail}`)).toEqual(["spec.schedulingGates: only deletion is allowed, but found new scheduling gate 'new'"]);
  });
});
