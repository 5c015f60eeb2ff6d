import { describe, expect, it } from 'vitest';
import { loadProgress, progressCsv, progressJson, recordCheck, setLearner, type StorageLike } from './progress.ts';

function memory(): StorageLike {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('progress', () => {
  it('keeps the best score, whether it ever passed, and the number of checks', () => {
    const s = memory();
    const at = new Date(Date.UTC(2026, 2, 1, 10, 0, 0));
    recordCheck({ pack: 'rbac', exercise: 'pod-reader', title: 'A Role that reads pods', score: 0.4, passed: false, at }, s);
    recordCheck({ pack: 'rbac', exercise: 'pod-reader', title: 'A Role that reads pods', score: 1, passed: true, at }, s);
    const p = recordCheck({ pack: 'rbac', exercise: 'pod-reader', title: 'A Role that reads pods', score: 0.2, passed: false, at }, s);
    expect(p.exercises['rbac/pod-reader']).toEqual({ pack: 'rbac', exercise: 'pod-reader', title: 'A Role that reads pods', best: 1, passed: true, attempts: 3, lastChecked: '2026-03-01T10:00:00.000Z' });
    expect(loadProgress(s)).toEqual(p);
  });

  it('exports JSON and CSV for the instructor, quoting and defusing fields', () => {
    const s = memory();
    setLearner('Ada, "the" learner', s);
    recordCheck({ pack: 'w', exercise: 'b', title: '=SUM(A1)', score: 0.5, passed: false, at: new Date(0) }, s);
    recordCheck({ pack: 'w', exercise: 'a', title: 'Plain', score: 1, passed: true, at: new Date(0) }, s);
    const p = loadProgress(s);
    expect(JSON.parse(progressJson(p)).exercises.map((e: { exercise: string }) => e.exercise)).toEqual(['a', 'b']);
    expect(progressCsv(p)).toBe(
      'learner,pack,exercise,title,best_score_percent,passed,attempts,last_checked\r\n' +
        '"Ada, ""the"" learner",w,a,Plain,100,true,1,1970-01-01T00:00:00.000Z\r\n' +
        `"Ada, ""the"" learner",w,b,'=SUM(A1),50,false,1,1970-01-01T00:00:00.000Z\r\n`,
    );
  });

  it('starts empty when nothing (or garbage) is stored', () => {
    const s = memory();
    s.setItem('kubelab.progress', '{not json');
    expect(loadProgress(s)).toEqual({ learner: '', exercises: {} });
  });
});
