import { useEffect, useState } from 'react';
import { Markdown } from '../../components/Markdown.tsx';
import { useApp } from '../../state/store.ts';
import type { Exercise } from '../../../exercises/pack/types.ts';
import { examExercise, setNotes, toggleFlag } from '../exam/exam-run.ts';
import { findExercise } from './packs.ts';

/** NONE is the stable empty list (a selector must not return a new array on every call). */
const NONE: number[] = [];

/**
 * ExamTasks lists the running exam's questions as the exam's question panel
 * does: each with its weight, where to work (the host to ssh to, the context
 * to use: each question has its own cluster), its text written with that
 * cluster's host names, and a flag for review; a notepad below them. No hints.
 */
export function ExamTasks() {
  const tasks = useApp((s) => s.exam.tasks);
  const flagged = useApp((s) => s.exam.flagged) ?? NONE;
  const [list, setList] = useState<Exercise[]>([]);
  useEffect(() => {
    let live = true;
    // Each question is shown as it runs in the exam: on its own cluster, with that cluster's host names.
    void Promise.all((tasks ?? []).map(async (t) => ({ found: await findExercise(t.packId, t.exerciseId), site: t.site }))).then((found) => {
      if (live) setList(found.flatMap((f) => (f.found ? [examExercise(f.found.exercise, f.site)] : [])));
    });
    return () => {
      live = false;
    };
  }, [tasks]);
  if (!tasks?.length) return null;
  return (
    <section aria-label="Exam tasks" className="exam-tasks">
      <p className="muted" data-testid="exam-flagged">
        {flagged.length ? `Flagged for review: ${flagged.map((q) => `Question ${q + 1}`).join(', ')}` : 'No question flagged for review.'}
      </p>
      {list.map((ex, i) => (
        <details key={ex.id} open={i === 0}>
          <summary>
            {flagged.includes(i) && <span aria-label="flagged">⚑ </span>}
            Question {i + 1} · {tasks[i]?.weight ?? ex.weight}% · {ex.title}
            {ex.host && <span className="exam-where-short"> · {ex.host}</span>}
          </summary>
          {(ex.host || ex.context) && (
            <p className="exam-where" data-testid={`exam-where-${i + 1}`}>
              {ex.host && (
                <>
                  Solve this question on: <code>ssh {ex.host}</code>
                </>
              )}
              {ex.host && ex.context && <br />}
              {ex.context && (
                <>
                  Context: <code>kubectl config use-context {ex.context}</code>
                </>
              )}
              {tasks[i]?.site && (
                <>
                  <br />
                  <span className="muted">Questions run on different clusters: connect to this question's host (or switch to its context) before you start; <code>exit</code> brings you back to your terminal host.</span>
                </>
              )}
            </p>
          )}
          <Markdown source={ex.task} />
          <button type="button" className="btn" aria-pressed={flagged.includes(i)} onClick={() => toggleFlag(i)}>
            {flagged.includes(i) ? `Unflag question ${i + 1}` : `Flag question ${i + 1} for review`}
          </button>
        </details>
      ))}
      <ExamNotepad />
    </section>
  );
}

/** ExamNotepad is the exam's notepad: plain text kept with the lab (it survives a reload). */
function ExamNotepad() {
  const notes = useApp((s) => s.exam.notes ?? '');
  return (
    <label className="exam-notepad">
      Notepad
      <textarea value={notes} rows={6} spellCheck={false} onChange={(e) => setNotes(e.target.value)} aria-label="Exam notepad" />
    </label>
  );
}
