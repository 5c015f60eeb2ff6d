import { describe, expect, it } from 'vitest';
import { Rand } from '../base/rand.ts';
import { numFeasibleNodesToFind, selectHost } from './find-nodes.ts';

describe('numFeasibleNodesToFind', () => {
  it('looks at every node below 100, then an adaptive share (at least 100, at least 5%)', () => {
    expect([10, 99, 100, 1000, 5000, 10_000].map((n) => numFeasibleNodesToFind(0, n))).toEqual([10, 99, 100, 420, 500, 500]);
    expect(numFeasibleNodesToFind(30, 1000)).toBe(300);
    expect(numFeasibleNodesToFind(5, 1000)).toBe(100);
  });
});

describe('selectHost', () => {
  it('picks a top-scoring node, uniformly among ties, from the seeded source', () => {
    const scores = [
      { name: 'a', total: 10 },
      { name: 'b', total: 30 },
      { name: 'c', total: 30 },
      { name: 'd', total: 30 },
    ];
    const rand = new Rand(1);
    const picks = Array.from({ length: 300 }, () => selectHost(scores, rand));
    expect(new Set(picks)).toEqual(new Set(['b', 'c', 'd']));
    for (const n of ['b', 'c', 'd']) expect(picks.filter((p) => p === n).length).toBeGreaterThan(60);
    const again = new Rand(1);
    expect(Array.from({ length: 300 }, () => selectHost(scores, again))).toEqual(picks);
  });
});
