import { useEffect, useState } from 'react';
import { Markdown } from '../../components/Markdown.tsx';
import { useApp } from '../../state/store.ts';
import type { Exercise } from '../../../exercises/pack/types.ts';
import { findExercise } from './packs.ts';

/** ExamTasks lists the running exam's tasks, each with its weight and text, as the exam's question panel does. */
export function ExamTasks() {
  const tasks = useApp((s) => s.exam.tasks);
  const [list, setList] = useState<Exercise[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all((tasks ?? []).map((t) => findExercise(t.packId, t.exerciseId))).then((found) => {
      if (live) setList(found.flatMap((f) => (f ? [f.exercise] : [])));
    });
    return () => {
      live = false;
    };
  }, [tasks]);
  if (!tasks?.length) return null;
  return (
    <section aria-label="Exam tasks" className="exam-tasks">
      {list.map((ex, i) => (
        <details key={ex.id} open={i === 0}>
          <summary>
            Question {i + 1} · {ex.weight}% · {ex.title}
          </summary>
          <Markdown source={ex.task} />
        </details>
      ))}
    </section>
  );
}
