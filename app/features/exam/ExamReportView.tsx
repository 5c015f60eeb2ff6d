import type { ExamReport } from '../../persistence/snapshot.ts';
import { PASS_MARK } from './exam-run.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * ExamReportView shows a finished exam: the score against the pass mark, the
 * score per curriculum domain, and a review of every task with what is still
 * wrong and its reference solution.
 */
export function ExamReportView({ report }: { report: ExamReport }) {
  return (
    <section aria-label="Exam report" data-testid="exam-report" className="exam-report">
      <h3>
        Exam result: {pct(report.score)} — {report.passed ? 'pass' : 'not yet'} (pass mark {pct(PASS_MARK)})
      </h3>
      {report.byDomain && report.byDomain.length > 0 && (
        <table className="exam-domains" data-testid="exam-domains">
          <caption>Score by domain</caption>
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">Points</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {report.byDomain.map((d) => (
              <tr key={d.title}>
                <th scope="row">{d.title}</th>
                <td>
                  {Math.round(d.got * 10) / 10} of {d.of}
                </td>
                <td>{d.of ? pct(d.got / d.of) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>Review</h4>
      <ol>
        {report.tasks.map((t, i) => (
          <li key={i}>
            {t.title}: {pct(t.score)} of {t.weight} points{t.domain ? ` · ${t.domain}` : ''}
            {t.failing.length > 0 && (
              <ul>
                {t.failing.map((f, j) => (
                  <li key={j}>{f}</li>
                ))}
              </ul>
            )}
            {t.solution && t.score < 1 && (
              <details>
                <summary>Solution</summary>
                <pre className="solution">{t.solution}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
