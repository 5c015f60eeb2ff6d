import { describe, expect, it } from 'vitest';
import { alertDue, drawExam, scoreExam } from './model.ts';
import type { Domain, Exercise, Pack } from '../pack/types.ts';
import type { ExerciseGrade } from '../grader/target.ts';

function ex(id: string, domain: Domain, weight = 4): Exercise {
  return { id, title: id, domain, curriculum: ['x'], weight, setup: [], task: 't', hints: [], checks: [], solution: [], source: `${id}.yaml` };
}

const pack: Pack = {
  id: 'p',
  title: 'P',
  description: '',
  exercises: [
    ...['t1', 't2', 't3', 't4', 't5', 't6'].map((i) => ex(i, 'troubleshooting')),
    ...['c1', 'c2', 'c3', 'c4', 'c5'].map((i) => ex(i, 'cluster-architecture')),
    ...['n1', 'n2', 'n3', 'n4'].map((i) => ex(i, 'services-networking')),
    ...['w1', 'w2', 'w3'].map((i) => ex(i, 'workloads-scheduling')),
    ...['s1', 's2'].map((i) => ex(i, 'storage')),
  ],
};

function seq(): () => number {
  let x = 0.37;
  return () => (x = (x * 9301 + 0.49297) % 1);
}

describe('drawExam', () => {
  it('spreads tasks over the domains by their curriculum weight, worth 100 points', () => {
    const exam = drawExam([pack], { id: 'e', title: 'E', rand: seq() });
    expect(exam.tasks).toHaveLength(16);
    const domains = exam.tasks.map((t) => pack.exercises.find((e) => e.id === t.exercise)!.domain);
    const count = (d: Domain) => domains.filter((x) => x === d).length;
    expect([count('troubleshooting'), count('cluster-architecture'), count('services-networking'), count('workloads-scheduling'), count('storage')]).toEqual([5, 4, 3, 2, 2]);
    expect(exam.tasks.reduce((s, t) => s + t.weight * 10, 0)).toBe(1000);
    expect(new Set(exam.tasks.map((t) => t.exercise)).size).toBe(16);
    expect(exam).toMatchObject({ durationMinutes: 120, passPercent: 66, alertsAtMinutesLeft: [30, 15, 5] });
  });
  it('draws the same exam from the same random sequence', () => {
    expect(drawExam([pack], { id: 'e', title: 'E', rand: seq() })).toEqual(drawExam([pack], { id: 'e', title: 'E', rand: seq() }));
  });
});

describe('scoreExam', () => {
  it('gives partial credit, scores by domain and applies the pass mark', () => {
    const exam = { id: 'e', title: 'E', durationMinutes: 120, passPercent: 66, alertsAtMinutesLeft: [30], tasks: [
      { pack: 'p', exercise: 't1', weight: 50 },
      { pack: 'p', exercise: 's1', weight: 50 },
    ] };
    const g = (exercise: string, score: number): ExerciseGrade => ({ exercise, checks: [], score, passed: score === 1 });
    const r = scoreExam(exam, [pack], new Map([['p/t1', g('t1', 1)], ['p/s1', g('s1', 0.5)]]));
    expect(r.score).toBe(75);
    expect(r.passed).toBe(true);
    expect(r.byDomain).toEqual([
      { domain: 'troubleshooting', title: 'Troubleshooting', got: 50, of: 50 },
      { domain: 'storage', title: 'Storage', got: 25, of: 50 },
    ]);
    expect(scoreExam(exam, [pack], new Map([['p/s1', g('s1', 1)]])).passed).toBe(false);
  });
  it('raises each time alert once, when its minute is crossed', () => {
    const exam = drawExam([pack], { id: 'e', title: 'E', rand: seq() });
    expect(alertDue(exam, 31 * 60_000, 29 * 60_000)).toBe(30);
    expect(alertDue(exam, 29 * 60_000, 28 * 60_000)).toBeUndefined();
    expect(alertDue(exam, 5 * 60_000 + 1, 5 * 60_000)).toBe(5);
  });
});
