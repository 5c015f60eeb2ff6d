import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareKeys, comparatorFor, inRange, keyRange, pastEnd } from './keys.ts';

const bytes = (a: string, b: string) => Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
/** Strings of whole code points (no lone surrogates), biased towards the characters where UTF-16 and UTF-8 disagree. */
const str = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'b', '\uE000', '\uFFFF', '\u{10000}', '\u{1F600}', '\uD7FF'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 5 });

describe('key order', () => {
  it('is the UTF-8 byte order etcd uses', () => {
    fc.assert(
      fc.property(str, str, (a, b) => {
        expect(compareKeys(a, b)).toBe(bytes(a, b));
        expect(compareCodePoints(a, b)).toBe(bytes(a, b));
        expect(Math.sign(comparatorFor(b)(a, b))).toBe(bytes(a, b));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('puts astral characters after U+E000–U+FFFF, unlike JavaScript string comparison', () => {
    expect('\u{1F600}' < '\uE000').toBe(true);
    expect(compareKeys('\u{1F600}', '\uE000')).toBe(1);
    expect(compareKeys('a\u{1F600}', 'a\uFFFF')).toBe(1);
  });
});

describe('keyRange', () => {
  it('resolves key, range end and prefix as etcd and clientv3 do', () => {
    expect(keyRange('a')).toEqual({ kind: 'single', key: 'a' });
    expect(keyRange('a', '')).toEqual({ kind: 'single', key: 'a' });
    expect(keyRange('a', 'c')).toEqual({ kind: 'range', start: 'a', end: 'c' });
    expect(keyRange('a', '\0')).toEqual({ kind: 'from', start: 'a' });
    expect(keyRange('/registry/', 'x', true)).toEqual({ kind: 'prefix', prefix: '/registry/' });
    expect(keyRange('', undefined, true)).toEqual({ kind: 'from', start: '\0' });
  });

  it('says which keys are in a range and where a walk may stop', () => {
    const cases: [ReturnType<typeof keyRange>, string, boolean][] = [
      [keyRange('a'), 'a', true],
      [keyRange('a'), 'ab', false],
      [keyRange('ab', undefined, true), 'ab', true],
      [keyRange('ab', undefined, true), 'abc', true],
      [keyRange('ab', undefined, true), 'ac', false],
      [keyRange('b', 'd'), 'b', true],
      [keyRange('b', 'd'), 'cz', true],
      [keyRange('b', 'd'), 'd', false],
      [keyRange('d', 'b'), 'c', false],
      [keyRange('b', '\0'), 'zzz', true],
      [keyRange('b', '\0'), 'a', false],
    ];
    for (const [r, k, inside] of cases) expect(inRange(r, k), `${JSON.stringify(r)} ∋ ${k}`).toBe(inside);
    expect(pastEnd(keyRange('ab', undefined, true), 'ac')).toBe(true);
    expect(pastEnd(keyRange('b', 'd'), 'd')).toBe(true);
    expect(pastEnd(keyRange('b', '\0'), '\u{10FFFF}')).toBe(false);
  });
});
