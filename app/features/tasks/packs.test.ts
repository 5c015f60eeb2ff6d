import { describe, expect, it } from 'vitest';
import { bundledPacks } from './packs.ts';

describe('bundled packs', () => {
  it('loads every shipped pack with its exercises, and none is broken', async () => {
    const { packs, errors } = await bundledPacks();
    expect(errors.filter((e) => !e.includes('the pack has no exercises'))).toEqual([]);
    const rbac = packs.find((p) => p.id === 'rbac');
    expect(rbac?.title).toBe('Role-based access control');
    expect(rbac!.exercises.map((e) => e.id)).toContain('rbac-pod-reader');
    expect(packs.reduce((n, p) => n + p.exercises.length, 0)).toBeGreaterThanOrEqual(20);
  });
});
