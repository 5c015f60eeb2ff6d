/**
 * A learner's progress, kept in the browser (localStorage) so a workshop
 * needs no server: per exercise the best score, whether it passed, how many
 * checks were run and when; exported as JSON or CSV for the instructor.
 */

/** ExerciseProgress is one exercise's record. */
export interface ExerciseProgress {
  pack: string;
  exercise: string;
  title: string;
  /** best score so far, 0..1 */
  best: number;
  passed: boolean;
  attempts: number;
  /** ISO time of the last check */
  lastChecked: string;
}

/** Progress is everything recorded for the learner using this browser. */
export interface Progress {
  learner: string;
  exercises: Record<string, ExerciseProgress>;
}

/** StorageLike is the part of localStorage used (a Map-backed stand-in in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'kubelab.progress';

function storage(): StorageLike | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** loadProgress reads the recorded progress (empty when none, or unreadable). */
export function loadProgress(store: StorageLike | undefined = storage()): Progress {
  try {
    const v = JSON.parse(store?.getItem(KEY) ?? '') as Partial<Progress>;
    if (v && typeof v === 'object' && v.exercises && typeof v.exercises === 'object') return { learner: typeof v.learner === 'string' ? v.learner : '', exercises: v.exercises };
  } catch {
    // nothing recorded yet
  }
  return { learner: '', exercises: {} };
}

function save(p: Progress, store: StorageLike | undefined): void {
  try {
    store?.setItem(KEY, JSON.stringify(p));
  } catch {
    // storage full or off: progress is a convenience, the lab goes on
  }
}

/** recordCheck adds the result of one "Check my work" and returns the new progress. */
export function recordCheck(r: { pack: string; exercise: string; title: string; score: number; passed: boolean; at: Date }, store: StorageLike | undefined = storage()): Progress {
  const p = loadProgress(store);
  const id = `${r.pack}/${r.exercise}`;
  const old = p.exercises[id];
  p.exercises[id] = {
    pack: r.pack,
    exercise: r.exercise,
    title: r.title,
    best: Math.max(old?.best ?? 0, r.score),
    passed: (old?.passed ?? false) || r.passed,
    attempts: (old?.attempts ?? 0) + 1,
    lastChecked: r.at.toISOString(),
  };
  save(p, store);
  return p;
}

/** setLearner names the learner the exported results belong to. */
export function setLearner(name: string, store: StorageLike | undefined = storage()): Progress {
  const p = loadProgress(store);
  p.learner = name;
  save(p, store);
  return p;
}

function rows(p: Progress): ExerciseProgress[] {
  return Object.values(p.exercises).sort((a, b) => (a.pack === b.pack ? (a.exercise < b.exercise ? -1 : 1) : a.pack < b.pack ? -1 : 1));
}

/** progressJson is the export an instructor collects: the learner and one entry per exercise. */
export function progressJson(p: Progress): string {
  return JSON.stringify({ learner: p.learner, exercises: rows(p) }, null, 2) + '\n';
}

/** csvField quotes a field when it needs it (RFC 4180), and defuses spreadsheet formulas. */
function csvField(v: string | number | boolean): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** progressCsv is the same export as CSV, one row per exercise. */
export function progressCsv(p: Progress): string {
  const head = ['learner', 'pack', 'exercise', 'title', 'best_score_percent', 'passed', 'attempts', 'last_checked'];
  const lines = rows(p).map((r) => [p.learner, r.pack, r.exercise, r.title, Math.round(r.best * 100), r.passed, r.attempts, r.lastChecked].map(csvField).join(','));
  return [head.join(','), ...lines].join('\r\n') + '\r\n';
}
