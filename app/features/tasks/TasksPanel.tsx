import { useState } from 'react';
import { Markdown } from '../../components/Markdown.tsx';
import { useLab } from '../../lab/context.ts';
import { confirm, useApp } from '../../state/store.ts';
import { EXAM_MS, formatClock, remainingMs } from '../exam/clock.ts';
import { beginExam, EXAM_TASKS, finishExam } from '../exam/exam-run.ts';
import { ExamReportView } from '../exam/ExamReportView.tsx';
import { ExercisesPanel } from './ExercisesPanel.tsx';
import { ExamTasks } from './ExamTasks.tsx';
import { WELCOME } from './welcome.ts';

/** TasksPanel shows the exercises, the mock exam and its clock, and the last exam's report. */
export function TasksPanel() {
  const { lab } = useLab();
  const exam = useApp((s) => s.exam);
  const now = useApp((s) => s.now);
  const [preparing, setPreparing] = useState(false);
  const left = remainingMs(exam, now);
  return (
    <div className="tasks">
      <section className="exam-box" aria-label="Mock exam">
        {exam.mode === 'practice' ? (
          <>
            <p>
              <strong>Practice mode.</strong> Every command is a rewind point.
            </p>
            <button
              type="button"
              className="btn"
              disabled={preparing}
              onClick={() =>
                confirm({
                  title: 'Start a mock exam?',
                  body: `${EXAM_TASKS} tasks across the CKA curriculum in a fresh lab of several clusters: each question says which host to ssh to. The timer runs for ${formatClock(EXAM_MS)}, also while the page is closed. Rewind is off during the exam.`,
                  confirm: 'Start exam',
                  onConfirm: () => {
                    setPreparing(true);
                    void beginExam(lab).finally(() => setPreparing(false));
                  },
                })
              }
            >
              {preparing ? 'Preparing the exam…' : 'Start mock exam'}
            </button>
          </>
        ) : (
          <>
            <p>
              <strong>Exam running.</strong> {left === 0 ? 'Time is up.' : `${formatClock(left ?? 0)} left.`}
            </p>
            <button
              type="button"
              className="btn"
              onClick={() =>
                confirm({ title: 'End the exam?', body: 'Your work is graded now, and practice mode (with rewind) comes back.', confirm: 'End exam', onConfirm: () => void finishExam(lab) })
              }
            >
              End exam
            </button>
          </>
        )}
      </section>
      {exam.report && exam.mode === 'practice' && <ExamReportView report={exam.report} />}
      {exam.mode === 'exam' ? <ExamTasks /> : <ExercisesPanel />}
      <details>
        <summary>About this lab</summary>
        <Markdown source={WELCOME} />
      </details>
    </div>
  );
}
