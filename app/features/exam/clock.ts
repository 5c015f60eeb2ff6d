import type { ExamState } from '../../persistence/snapshot.ts';
import { CKA_EXAM } from '../../../exercises/exam/model.ts';

/** EXAM_MS is the CKA's length: two hours. */
export const EXAM_MS = CKA_EXAM.durationMinutes * 60 * 1000;

/** ALERTS_AT_MINUTES_LEFT are the reminders the real exam shows. */
export const ALERTS_AT_MINUTES_LEFT: readonly number[] = CKA_EXAM.alertsAtMinutesLeft;

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

/**
 * examAlert returns the reminder due now (minutes left: 30, 15 or 5, as the
 * real exam shows them), once each; after a reload a passed reminder is not
 * shown again, and one missed while the page was closed is shown on return.
 */
export function examAlert(exam: ExamState, now: number): number | undefined {
  const left = remainingMs(exam, now);
  if (left === undefined || left === 0) return undefined;
  const due = ALERTS_AT_MINUTES_LEFT.filter((m) => left <= m * 60_000 && !(exam.alerted ?? []).includes(m));
  return due.length ? Math.min(...due) : undefined;
}
