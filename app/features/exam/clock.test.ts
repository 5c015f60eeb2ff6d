import { describe, expect, it } from 'vitest';
import { EXAM_MS, formatClock, remainingMs, startExam } from './clock.ts';

describe('exam clock', () => {
  it('counts down from two hours and stops at zero', () => {
    const e = startExam(1000);
    expect(remainingMs(e, 1000)).toBe(EXAM_MS);
    expect(formatClock(remainingMs(e, 1000 + 61_500)!)).toBe('1:58:59');
    expect(remainingMs(e, 1000 + EXAM_MS + 5)).toBe(0);
    expect(remainingMs({ mode: 'practice' }, 0)).toBeUndefined();
  });

  it('formats like the exam timer', () => {
    expect(formatClock(0)).toBe('0:00:00');
    expect(formatClock(EXAM_MS)).toBe('2:00:00');
    expect(formatClock(9_000)).toBe('0:00:09');
  });
});
