import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../base/deep.ts';
import { validatePodSpec } from './podspec.ts';

describe('validatePodSpec of a frozen spec', () => {
  it('answers the same errors every time, each answer the caller own', () => {
    const spec = deepFreeze({ containers: [{ name: 'c', image: 'i' }, { name: 'c', image: '' }], restartPolicy: 'Sometimes' });
    const first = validatePodSpec(spec, 'spec');
    expect(first.map((e) => e.field)).toContain('spec.containers[1].name');
    first.push({ type: 'FieldValueRequired', field: 'extra', detail: '' });
    first[0]!.field = 'mutated';
    const second = validatePodSpec(spec, 'spec');
    expect(second).toEqual(validatePodSpec({ ...spec }, 'spec'));
    expect(second.map((e) => e.field)).not.toContain('extra');
    expect(validatePodSpec(spec, 'spec.template.spec')[0]!.field.startsWith('spec.template.spec.')).toBe(true);
  });

  it('checks an unfrozen spec afresh, as it may have changed', () => {
    const spec = { containers: [{ name: 'c', image: 'i' }] as { name: string; image: string }[] };
    expect(validatePodSpec(spec, 'spec').map((e) => e.field)).not.toContain('spec.containers[1].name');
    spec.containers.push({ name: 'c', image: 'i' });
    expect(validatePodSpec(spec, 'spec').map((e) => e.field)).toContain('spec.containers[1].name');
  });
});
