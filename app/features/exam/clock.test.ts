import { describe, expect, it } from 'vitest';
import { EXAM_MS, examAlert, formatClock, remainingMs, startExam } from './clock.ts';

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

  it('reminds at 30, 15 and 5 minutes left, each once, and not after the end', () => {
    const e = startExam(0);
    const at = (minutesLeft: number) => EXAM_MS - minutesLeft * 60_000;
    expect(examAlert(e, at(31))).toBeUndefined();
    expect(examAlert(e, at(30))).toBe(30);
    expect(examAlert({ ...e, alerted: [30] }, at(29))).toBeUndefined();
    expect(examAlert({ ...e, alerted: [30] }, at(15))).toBe(15);
    // Back after the page was closed past two reminders: the nearest one shows.
    expect(examAlert({ ...e, alerted: [30] }, at(4))).toBe(5);
    expect(examAlert({ ...e, alerted: [30, 15, 5] }, at(1))).toBeUndefined();
    expect(examAlert(e, EXAM_MS + 1)).toBeUndefined();
    expect(examAlert({ mode: 'practice' }, at(10))).toBeUndefined();
  });
});
