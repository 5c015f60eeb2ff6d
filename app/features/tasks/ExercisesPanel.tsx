import { useEffect, useState } from 'react';
import { Markdown } from '../../components/Markdown.tsx';
import { useLab } from '../../lab/context.ts';
import { confirm, useApp, type OpenedPack } from '../../state/store.ts';
import { DOMAINS, type Exercise, type Pack } from '../../../exercises/pack/types.ts';
import { solutionText } from './step-text.ts';
import { bundledPacks } from './packs.ts';
import { firstPrompt } from '../../state/first-prompt.ts';
import { checkPractice, startPractice } from './practice.ts';
import { allPacks } from '../workshop/open-pack.ts';
import { ProgressMark, ShareButton, useProgress, WorkshopTools } from '../workshop/WorkshopTools.tsx';

/**
 * usePacks loads the shipped packs once the panel shows and the first prompt is
 * up (parsing them takes the main thread for a while), with the packs opened
 * from files or URLs.
 */
function usePacks(): { packs: OpenedPack[]; errors: string[] } | undefined {
  const opened = useApp((s) => s.openedPacks);
  const [state, setState] = useState<{ packs: OpenedPack[]; errors: string[] }>();
  useEffect(() => {
    let live = true;
    void firstPrompt()
      .then(() => Promise.all([bundledPacks(), allPacks()]))
      .then(([b, packs]) => live && setState({ packs, errors: b.errors }));
    return () => {
      live = false;
    };
  }, [opened]);
  return state;
}

/** ExercisesPanel lists the exercise packs, or shows the exercise being practised with its checks. */
export function ExercisesPanel() {
  const data = usePacks();
  const practice = useApp((s) => s.practice);
  if (!data) return <p className="muted">Loading exercises…</p>;
  const from = practice ? data.packs.find((p) => p.pack.id === practice.packId) : undefined;
  const current = practice ? from?.pack.exercises.find((e) => e.id === practice.exerciseId) : undefined;
  if (practice && from && current) return <ExerciseView exercise={current} pack={from} />;
  return <ExerciseList packs={data.packs.map((p) => p.pack)} errors={data.errors} />;
}

function ExerciseList({ packs, errors }: { packs: Pack[]; errors: string[] }) {
  const { lab } = useLab();
  const progress = useProgress();
  const openErrors = useApp((s) => s.packErrors);
  return (
    <section aria-label="Exercises" className="exercises">
      <h3>Exercises</h3>
      {errors.length > 0 && (
        <details className="pack-errors">
          <summary>{errors.length} problem(s) in the shipped packs</summary>
          <pre>{errors.join('\n')}</pre>
        </details>
      )}
      {openErrors.length > 0 && (
        <div className="pack-errors" role="alert" data-testid="pack-errors">
          <strong>The pack could not be opened:</strong>
          <pre>{openErrors.join('\n')}</pre>
        </div>
      )}
      {packs.map((p) => (
        <details key={p.id} className="pack">
          <summary>
            {p.title} <span className="muted">({p.exercises.length})</span>
          </summary>
          {p.description && <p className="muted">{p.description}</p>}
          <ul>
            {p.exercises.map((ex) => (
              <li key={ex.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    confirm({
                      title: `Start “${ex.title}”?`,
                      body: 'The lab is replaced by a fresh one, set up for this exercise.',
                      confirm: 'Start',
                      onConfirm: () => void startPractice(lab, p, ex),
                    })
                  }
                >
                  {ex.title}
                </button>{' '}
                <ProgressMark record={progress.exercises[`${p.id}/${ex.id}`]} />
                <span className="muted">
                  {DOMAINS[ex.domain].title}
                  {ex.minutes ? ` · ${ex.minutes} min` : ''}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ))}
      <WorkshopTools progress={progress} />
    </section>
  );
}

function ExerciseView({ exercise: ex, pack }: { exercise: Exercise; pack: OpenedPack }) {
  const { lab } = useLab();
  const practice = useApp((s) => s.practice)!;
  const [solution, setSolution] = useState(false);
  const busy = practice.status !== 'ready';
  return (
    <section aria-label="Exercise" className="exercise">
      <button type="button" className="link" onClick={() => useApp.setState({ practice: null })}>
        ← All exercises
      </button>
      <h3 data-testid="exercise-title">{ex.title}</h3>
      <p className="muted">
        {DOMAINS[ex.domain].title}
        {ex.context ? ` · context ${ex.context}` : ''}
        {ex.host ? ` · host ${ex.host}` : ''}
      </p>
      {practice.status === 'setting-up' ? <p role="status">Setting up the lab…</p> : <Markdown source={ex.task} />}
      {practice.setupErrors && (
        <details className="pack-errors">
          <summary>The setup did not fully run</summary>
          <pre>{practice.setupErrors.join('\n')}</pre>
        </details>
      )}
      {ex.hints.slice(0, practice.hints).map((h, i) => (
        <p key={i} className="hint">
          <strong>Hint {i + 1}.</strong> {h}
        </p>
      ))}
      <div className="row">
        <button type="button" className="btn" disabled={busy} onClick={() => void checkPractice(lab, ex)}>
          {practice.status === 'checking' ? 'Checking…' : 'Check my work'}
        </button>
        {practice.hints < ex.hints.length && (
          <button type="button" className="btn" onClick={() => useApp.setState({ practice: { ...practice, hints: practice.hints + 1 } })}>
            Show a hint
          </button>
        )}
        <button type="button" className="btn" onClick={() => setSolution(!solution)}>
          {solution ? 'Hide the solution' : 'Show the solution'}
        </button>
        <ShareButton exercise={{ pack: pack.pack.id, exercise: ex.id }} packUrl={pack.url} />
      </div>
      {practice.grade && (
        <div data-testid="grade" aria-live="polite">
          <p>
            <strong>{practice.grade.passed ? 'All checks pass.' : `${practice.grade.checks.filter((c) => c.passed).length} of ${practice.grade.checks.length} checks pass.`}</strong> Score {Math.round(practice.grade.score * 100)}%.
          </p>
          <ul className="checks">
            {practice.grade.checks.map((c) => (
              <li key={c.index} className={c.passed ? 'pass' : 'fail'}>
                <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> {c.description}
                {!c.passed && <div className="why">{c.message}</div>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {solution && <pre className="solution">{solutionText(ex.solution)}</pre>}
    </section>
  );
}
