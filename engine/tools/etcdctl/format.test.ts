import { describe, expect, it } from 'vitest';
import { goDuration, humanBytes, table } from './format.ts';

describe('etcdctl text helpers', () => {
  it('sizes like go-humanize', () => {
    expect(humanBytes(20480)).toBe('20 kB');
    expect(humanBytes(7_300_000)).toBe('7.3 MB');
    expect(humanBytes(24_117_248)).toBe('24 MB');
    expect(humanBytes(5)).toBe('5 B');
  });
  it('formats durations like Go', () => {
    expect(goDuration(895_554)).toBe('895.554µs');
    expect(goDuration(3_943_415)).toBe('3.943415ms');
    expect(goDuration(920_000)).toBe('920µs');
  });
  it('draws tables like etcdctl', () => {
    expect(table(['HASH', 'REVISION', 'TOTAL KEYS', 'TOTAL SIZE'], [['c66e62ca', '4', '7', '20 kB']])).toBe(
      '+----------+----------+------------+------------+\n|   HASH   | REVISION | TOTAL KEYS | TOTAL SIZE |\n+----------+----------+------------+------------+\n| c66e62ca |        4 |          7 |      20 kB |\n+----------+----------+------------+------------+\n',
    );
  });
});
