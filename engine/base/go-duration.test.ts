import { describe, expect, it } from 'vitest';
import { durationFlagError, goDurationError, parseGoDuration } from './go-duration.ts';

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

describe('goDurationError (time.ParseDuration\'s refusals)', () => {
  it('names the fault as Go does', () => {
    expect(goDurationError('5')).toBe('time: missing unit in duration "5"');
    expect(goDurationError('1d')).toBe('time: unknown unit "d" in duration "1d"');
    expect(goDurationError('1 s')).toBe('time: unknown unit " s" in duration "1 s"');
    expect(goDurationError('abc')).toBe('time: invalid duration "abc"');
    expect(goDurationError('')).toBe('time: invalid duration ""');
    expect(goDurationError('.s')).toBe('time: invalid duration ".s"');
    expect(goDurationError('1s5')).toBe('time: missing unit in duration "1s5"');
    for (const ok of ['1m30s', '0', '-1s', '.5s', '1.s']) expect(goDurationError(ok), ok).toBeUndefined();
  });
  it('words a flag\'s refusal as pflag does', () => {
    expect(durationFlagError('--timeout', '5')).toBe('invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"');
    expect(durationFlagError('--timeout', '5m')).toBeUndefined();
  });
});
