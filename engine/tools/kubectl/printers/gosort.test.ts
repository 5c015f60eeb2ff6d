import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goSort } from './gosort.ts';

const sorted = (xs: number[]) => {
  const a = [...xs];
  goSort(
    a.length,
    (i, j) => a[i]! < a[j]!,
    (i, j) => {
      [a[i], a[j]] = [a[j]!, a[i]!];
    },
  );
  return a;
};

describe('goSort (Go sort.Sort)', () => {
  it('orders any list, short (insertion) or long (pdqsort, heap fallback, pattern breaking)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }), (xs) => {
      expect(sorted(xs)).toEqual([...xs].sort((x, y) => x - y));
    }));
  });

  it('orders descending and many-duplicate inputs', () => {
    const desc = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(sorted(desc)).toEqual([...desc].sort((x, y) => x - y));
    const dup = Array.from({ length: 200 }, (_, i) => i % 3);
    expect(sorted(dup)).toEqual([...dup].sort((x, y) => x - y));
  });
});
