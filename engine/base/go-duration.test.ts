import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './go-duration.ts';

describe('parseGoDuration (time.ParseDuration)', () => {
  it('reads signed durations of several units in milliseconds', () => {
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('.5s')).toBe(500);
    expect(parseGoDuration('1.s')).toBe(1000);
    expect(parseGoDuration('-1s')).toBe(-1000);
    expect(parseGoDuration('+2ms')).toBe(2);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('-0')).toBe(0);
    expect(parseGoDuration('1500us')).toBe(1.5);
    expect(parseGoDuration('1h0m0s')).toBe(3_600_000);
  });

  it('refuses what Go refuses', () => {
    for (const bad of ['', '5', '1d', '1 s', 's', '.s', '-', '1s5', '1S', '--1s']) expect(parseGoDuration(bad), bad).toBeUndefined();
  });
});
