import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedKeys } from './sorted-keys.ts';
import { compareKeys } from './keys.ts';

const item = (key: string) => ({ key });
const keysOf = (s: SortedKeys<{ key: string }>) => s.toArray().map((i) => i.key);

describe('SortedKeys', () => {
  it('keeps any insertion order sorted, across chunk splits', () => {
    // Keys of one to three code points from a mix of ranges, astral ones included; surrogates are skipped.
    const point = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xe000, max: 0xffff }), fc.integer({ min: 0x10000, max: 0x10ffff }));
    const key = fc.array(point, { minLength: 1, maxLength: 3 }).map((cps) => String.fromCodePoint(...cps));
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 600, maxLength: 2000, size: 'max' }), (keys) => {
        const s = new SortedKeys<{ key: string }>();
        for (const k of keys) s.insert(item(k));
        expect(s.size).toBe(keys.length);
        expect(keysOf(s)).toEqual([...keys].sort(compareKeys));
      }),
      { seed: 11, numRuns: 8 },
    );
  });

  it('walks from the first key at or after a start, and stops when asked', () => {
    const s = new SortedKeys<{ key: string }>();
    const keys = Array.from({ length: 2000 }, (_, i) => `k${String(i * 7919 % 2000).padStart(4, '0')}`);
    for (const k of keys) s.insert(item(k));
    const seen: string[] = [];
    s.walk('k1000x', (i) => (seen.push(i.key), seen.length < 3));
    expect(seen).toEqual(['k1001', 'k1002', 'k1003']);
    const all: string[] = [];
    s.walk('', (i) => (all.push(i.key), true));
    expect(all).toHaveLength(2000);
    const none: string[] = [];
    s.walk('l', (i) => (none.push(i.key), true));
    expect(none).toEqual([]);
  });

  it('retains a subset and loads ordered items', () => {
    const s = new SortedKeys<{ key: string }>();
    for (let i = 0; i < 1500; i++) s.insert(item(`k${String(i).padStart(4, '0')}`));
    s.retain((i) => i.key.endsWith('0'));
    expect(s.size).toBe(150);
    expect(keysOf(s).slice(0, 3)).toEqual(['k0000', 'k0010', 'k0020']);
    s.insert(item('k0015'));
    expect(keysOf(s).slice(0, 4)).toEqual(['k0000', 'k0010', 'k0015', 'k0020']);
    s.load([item('a'), item('b')]);
    expect(keysOf(s)).toEqual(['a', 'b']);
    expect(s.size).toBe(2);
  });
});
