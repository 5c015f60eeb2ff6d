import { describe, expect, it } from 'vitest';
import { Rand } from '../../base/rand.ts';
import { SortedKeys } from './sorted-keys.ts';

describe('SortedKeys', () => {
  it('answers in order whatever the insertion order, each key once', () => {
    const s = new SortedKeys();
    for (const k of ['/p/b', '/p/d', '/p/a', '/q/a', '/p/c', '/p/a', '/p/e']) s.insert(k);
    expect(s.size).toBe(6);
    expect(s.range('/p/')).toEqual(['/p/a', '/p/b', '/p/c', '/p/d', '/p/e']);
    expect([...s.prefixed('/q/')]).toEqual(['/q/a']);
    expect(s.lowerBound('/p/c')).toBe(2);
  });

  it('removes keys whether or not they have been merged yet', () => {
    const s = new SortedKeys();
    for (const k of ['b', 'c']) s.insert(k);
    s.insert('a'); // waits to be merged
    s.remove('a');
    s.remove('c');
    s.insert('a');
    expect(s.range('')).toEqual(['a', 'b']);
    s.remove('b');
    s.remove('zz');
    expect(s.range('')).toEqual(['a']);
  });

  it('matches a plain sorted set over a random sequence of inserts, removes and reads', () => {
    const rand = new Rand(11);
    const s = new SortedKeys();
    const model = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const k = `/registry/pods/ns${rand.int(3)}/p-${rand.int(500)}`;
      const op = rand.int(10);
      if (op < 6) {
        s.insert(k);
        model.add(k);
      } else if (op < 8) {
        s.remove(k);
        model.delete(k);
      } else {
        const prefix = `/registry/pods/ns${rand.int(3)}/`;
        expect(s.range(prefix)).toEqual([...model].filter((x) => x.startsWith(prefix)).sort());
      }
    }
    expect(s.size).toBe(model.size);
    s.clear();
    expect(s.range('')).toEqual([]);
  });
});
