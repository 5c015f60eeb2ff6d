import type { ExamState } from '../../persistence/snapshot.ts';

/** EXAM_MS is the CKA's length: two hours. */
export const EXAM_MS = 2 * 60 * 60 * 1000;

/** startExam starts the clock at `now`. */
export function startExam(now: number, durationMs = EXAM_MS): ExamState {
  return { mode: 'exam', startedAt: now, endsAt: now + durationMs };
}

/** remainingMs is the time left (0 once it is up); undefined outside an exam. */
export function remainingMs(exam: ExamState, now: number): number | undefined {
  if (exam.mode !== 'exam' || exam.endsAt === undefined) return undefined;
  return Math.max(0, exam.endsAt - now);
}

/** formatClock prints a duration as H:MM:SS, as the exam's timer does. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
