import { Markdown } from '../../components/Markdown.tsx';
import { confirm, useApp } from '../../state/store.ts';
import { EXAM_MS, formatClock, remainingMs, startExam } from '../exam/clock.ts';
import { WELCOME } from './welcome.ts';

/** TasksPanel shows the task text and the mock-exam clock controls. */
export function TasksPanel() {
  const exam = useApp((s) => s.exam);
  const now = useApp((s) => s.now);
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
              onClick={() =>
                confirm({
                  title: 'Start a mock exam?',
                  body: `The timer runs for ${formatClock(EXAM_MS)}, also while the page is closed. Rewind is off during the exam.`,
                  confirm: 'Start exam',
                  onConfirm: () => useApp.setState({ exam: startExam(Date.now()) }),
                })
              }
            >
              Start mock exam
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
                confirm({ title: 'End the exam?', body: 'The timer stops and practice mode (with rewind) comes back.', confirm: 'End exam', onConfirm: () => useApp.setState({ exam: { mode: 'practice' } }) })
              }
            >
              End exam
            </button>
          </>
        )}
      </section>
      <Markdown source={WELCOME} />
    </div>
  );
}
