import { useEffect, useRef, useState } from 'react';
import { notify } from '../../state/store.ts';
import { openPackFiles, openPackUrl } from './open-pack.ts';
import { loadProgress, progressCsv, progressJson, setLearner, type ExerciseProgress, type Progress } from './progress.ts';
import { notifyProgress, onProgress } from './progress-signal.ts';
import { shareLink } from './share.ts';

/** useProgress is the learner's recorded progress, re-read whenever a check is recorded. */
export function useProgress(): Progress {
  const [p, setP] = useState(() => loadProgress());
  useEffect(() => onProgress(() => setP(loadProgress())), []);
  return p;
}

/** ProgressMark shows an exercise's best result: ✓ once passed, else the best score. */
export function ProgressMark({ record }: { record: ExerciseProgress | undefined }) {
  if (!record) return null;
  return record.passed ? (
    <span className="progress pass" title={`passed · ${record.attempts} check(s)`} aria-label="passed">
      ✓
    </span>
  ) : (
    <span className="progress" title={`${record.attempts} check(s)`}>
      best {Math.round(record.best * 100)}%
    </span>
  );
}

/** download saves text as a file through the browser. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * WorkshopTools: open a pack from files or a URL, name the learner, and
 * export the results (JSON or CSV) for the instructor.
 */
export function WorkshopTools({ progress }: { progress: Progress }) {
  const [url, setUrl] = useState('');
  const [learner, setName] = useState(progress.learner);
  const files = useRef<HTMLInputElement>(null);
  const done = Object.values(progress.exercises).filter((e) => e.passed).length;
  return (
    <details className="workshop">
      <summary>Workshop: open a pack, export results</summary>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) void openPackUrl(url.trim());
        }}
      >
        <input type="url" placeholder="https://…/pack.yaml" value={url} onChange={(e) => setUrl(e.target.value)} aria-label="Pack URL" />
        <button type="submit" className="btn">
          Open pack URL
        </button>
      </form>
      <div className="row">
        <input
          ref={files}
          type="file"
          accept=".yaml,.yml,.md"
          multiple
          hidden
          aria-label="Pack files"
          onChange={(e) => {
            const picked = [...(e.target.files ?? [])];
            e.target.value = '';
            if (picked.length) void openPackFiles(picked);
          }}
        />
        <button type="button" className="btn" onClick={() => files.current?.click()}>
          Open pack files…
        </button>
      </div>
      <p className="muted" data-testid="progress-summary">
        {done} exercise(s) passed in this browser.
      </p>
      <div className="row">
        <input value={learner} placeholder="Your name" aria-label="Learner name" onChange={(e) => setName(e.target.value)} onBlur={() => (setLearner(learner), notifyProgress())} />
        <button type="button" className="btn" onClick={() => download('kubelab-results.json', 'application/json', progressJson({ ...loadProgress(), learner }))}>
          Export JSON
        </button>
        <button type="button" className="btn" onClick={() => download('kubelab-results.csv', 'text/csv', progressCsv({ ...loadProgress(), learner }))}>
          Export CSV
        </button>
      </div>
    </details>
  );
}

/** ShareButton copies a link that opens this exercise (with the pack URL it came from). */
export function ShareButton({ exercise, packUrl }: { exercise: { pack: string; exercise: string }; packUrl?: string }) {
  return (
    <button
      type="button"
      className="btn"
      onClick={() => {
        const link = shareLink(location.href, exercise, packUrl);
        const manual = () => notify('info', `Share this link: ${link}`, 20000);
        if (!navigator.clipboard) manual();
        else void navigator.clipboard.writeText(link).then(() => notify('info', `Link copied: ${link}`), manual);
      }}
    >
      Copy share link
    </button>
  );
}
