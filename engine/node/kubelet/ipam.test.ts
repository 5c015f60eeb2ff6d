import { describe, expect, it } from 'vitest';
import { rfc3339Nano } from '../runtime/logs.ts';
import { IpPool } from './ipam.ts';

describe('IpPool', () => {
  it('hands out addresses in order after the last one, skipping held ones, the same one again to its holder', () => {
    const p = new IpPool('10.244.1.0/24');
    expect([p.allocate('a'), p.allocate('b'), p.allocate('a')]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.2']);
    p.reserve('c', '10.244.1.4');
    expect(p.allocate('d')).toBe('10.244.1.5');
    p.release('b');
    // A freed address is not reused at once: the search goes on after the last one given.
    expect(p.allocate('e')).toBe('10.244.1.6');
  });

  it('wraps around to freed addresses and says when the range is full', () => {
    const p = new IpPool('10.244.2.0/29'); // .2 to .6 usable
    const got = ['a', 'b', 'c', 'd', 'e'].map((u) => p.allocate(u));
    expect(got).toEqual(['10.244.2.2', '10.244.2.3', '10.244.2.4', '10.244.2.5', '10.244.2.6']);
    expect(p.allocate('f')).toBeUndefined();
    p.release('b');
    expect(p.allocate('f')).toBe('10.244.2.3');
    // Two adopted pods claiming one address keep it taken until both let go.
    p.reserve('x', '10.244.2.3');
    p.release('f');
    expect(p.allocate('g')).toBeUndefined();
    p.release('x');
    expect(p.allocate('g')).toBe('10.244.2.3');
  });
});

describe('rfc3339Nano', () => {
  it('prints milliseconds then the sequence as the nanosecond digits', () => {
    expect(rfc3339Nano(Date.UTC(2026, 0, 5, 9, 0, 5, 123), 456)).toBe('2026-01-05T09:00:05.123000456Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 5, 9, 0, 5, 123), 7)).toBe('2026-01-05T09:00:05.123000007Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 5, 9, 0, 6, 0))).toBe('2026-01-05T09:00:06.000000000Z');
  });
});
