import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration, translateTimestampSince, humanDurationHoldsUntil } from './age.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  // Cases from k8s.io/apimachinery/pkg/util/duration/duration_test.go.
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [1 * s, '1s'],
    [45 * s, '45s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [5 * m + 12 * s, '5m12s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 4 * m, '3h4m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [2 * 365 * d + 10 * d, '2y10d'],
    [8 * 365 * d, '8y'],
  ])('%d ms is %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it('short form is coarse', () => {
    expect(shortHumanDuration(90 * s)).toBe('1m');
    expect(shortHumanDuration(25 * h)).toBe('1d');
  });

  it('missing timestamps are <unknown>', () => {
    expect(translateTimestampSince(undefined, 0)).toBe('<unknown>');
    expect(translateTimestampSince(0, 61 * s)).toBe('61s');
  });
});

describe('humanDurationHoldsUntil', () => {
  it('never promises past a change of humanDuration, and moves on', () => {
    const SEC = 1000;
    // durations around every format boundary, plus a spread of odd ones
    const samples: number[] = [];
    for (const b of [0, 2 * 60, 10 * 60, 3 * 3600, 8 * 3600, 48 * 3600, 8 * 86400, 2 * 365 * 86400, 8 * 365 * 86400]) {
      for (const d of [-1500, -1, 0, 1, 499, 999, 1000, 61_000]) samples.push(b * SEC + d);
    }
    for (let x = 1; x < 1e12; x *= 1.37) samples.push(Math.floor(x));
    for (const ms of samples) {
      const until = humanDurationHoldsUntil(ms);
      expect(until).toBeGreaterThan(ms);
      const text = humanDuration(ms);
      // the text holds just before until (checked at a few points in between)
      for (const f of [0.25, 0.5, 0.999]) expect(humanDuration(ms + Math.floor((until - ms - 1) * f))).toBe(text);
      expect(humanDuration(until - 1)).toBe(text);
    }
  });

  it('is the next unit boundary the text shows', () => {
    expect(humanDurationHoldsUntil(45_300)).toBe(46_000); // 45s
    expect(humanDurationHoldsUntil(5 * 60_000 + 12_400)).toBe(5 * 60_000 + 13_000); // 5m12s
    expect(humanDurationHoldsUntil(3 * 3_600_000 + 4 * 60_000 + 5)).toBe(3 * 3_600_000 + 5 * 60_000); // 3h4m
    expect(humanDurationHoldsUntil(400 * 86_400_000 + 7)).toBe(401 * 86_400_000); // 400d
  });
});
