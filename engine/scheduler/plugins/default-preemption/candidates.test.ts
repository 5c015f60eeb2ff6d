import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { PodInfo } from '../../framework/pod-info.ts';
import { testPod } from '../../testing/fixtures.ts';
import { pickOneNodeForPreemption, type Candidate } from './candidates.ts';
import { filterPodsWithPDBViolation } from './select-victims.ts';

const victim = (name: string, priority: number, startTime?: string) => new PodInfo({ ...testPod(name, { priority }), status: { startTime } });

describe('pickOneNodeForPreemption', () => {
  it('prefers fewer PDB violations, then the lowest top victim, the lowest sum, fewer victims, the latest start', () => {
    const c = (name: string, victims: PodInfo[], numPDBViolations = 0): Candidate => ({ name, victims, numPDBViolations });
    expect(pickOneNodeForPreemption([c('a', [victim('x', 10)], 1), c('b', [victim('y', 500)])], 0)!.name).toBe('b');
    expect(pickOneNodeForPreemption([c('a', [victim('x', 500)]), c('b', [victim('y', 100), victim('z', 100)])], 0)!.name).toBe('b');
    expect(pickOneNodeForPreemption([c('a', [victim('x', 100), victim('w', 50)]), c('b', [victim('y', 100), victim('z', 10)])], 0)!.name).toBe('b');
    expect(pickOneNodeForPreemption([c('a', [victim('x', 100, '2026-01-05T08:00:00Z')]), c('b', [victim('y', 100, '2026-01-05T08:30:00Z')])], 0)!.name).toBe('b');
  });
});

describe('filterPodsWithPDBViolation', () => {
  it('counts down each budget and marks the pods past it', () => {
    const pdb = { metadata: { name: 'db', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'db' } } }, status: { disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2 } } as PodDisruptionBudget;
    const pods = ['a', 'b', 'c'].map((n) => new PodInfo(testPod(n, {}, { labels: { app: n === 'c' ? 'web' : 'db' } })));
    const [violating, ok] = filterPodsWithPDBViolation(pods, [pdb]);
    expect([violating.map((p) => p.pod.metadata?.name), ok.map((p) => p.pod.metadata?.name)]).toEqual([['b'], ['a', 'c']]);
  });
});
