import { useRef } from 'react';
import { useLab } from '../../lab/context.ts';
import { exportSession, importSession } from '../../lab/session-file.ts';
import { confirm, setPrefs, useApp } from '../../state/store.ts';
import { formatClock, remainingMs } from '../exam/clock.ts';

/**
 * Header: the cluster context (as `kubectl config current-context` prints it),
 * the exam timer when an exam runs, and the page's controls.
 */
export function Header() {
  const { lab } = useLab();
  const context = useApp((s) => s.context);
  const exam = useApp((s) => s.exam);
  const now = useApp((s) => s.now);
  const prefs = useApp((s) => s.prefs);
  const boot = useApp((s) => s.boot);
  const fileInput = useRef<HTMLInputElement>(null);
  const left = remainingMs(exam, now);

  const reset = () =>
    confirm({
      title: 'Reset the lab?',
      body: 'This deletes the cluster, every file you changed on the hosts, the terminal history, open files and the rewind timeline, and starts a new lab.',
      confirm: 'Reset lab',
      danger: true,
      onConfirm: () => void lab.reset(),
    });

  return (
    <header className="header">
      <div className="brand" aria-label="kubelab">
        <span className="brand-mark" aria-hidden="true">⎈</span> kubelab
      </div>
      <div className="context" title="kubectl config current-context">
        <span className="context-label">context</span>
        <span className="context-value" data-testid="context">{boot.status === 'booting' ? 'starting…' : context || '—'}</span>
      </div>
      {left !== undefined && (
        <div className={`exam-timer ${left === 0 ? 'up' : left < 15 * 60_000 ? 'low' : ''}`} role="timer" aria-label="Exam time left" data-testid="exam-timer">
          {left === 0 ? 'Time is up' : formatClock(left)}
        </div>
      )}
      <div className="spacer" />
      <label className="speed" title="Simulated time runs this much faster than real time">
        <span>speed</span>
        <select
          value={prefs.speed}
          aria-label="Simulation speed"
          onChange={(e) => {
            const speed = Number(e.target.value);
            setPrefs({ speed });
            void lab.engine.setSpeed(speed).catch(() => undefined);
          }}
        >
          {[1, 2, 5, 10].map((x) => (
            <option key={x} value={x}>
              {x}×
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" aria-pressed={prefs.screenReader} title="Terminal screen-reader mode" onClick={() => setPrefs({ screenReader: !prefs.screenReader })}>
        Screen reader
      </button>
      <button type="button" className="btn" title="Switch theme (Alt+Shift+L)" aria-label={`Switch to ${prefs.theme === 'dark' ? 'light' : 'dark'} theme`} onClick={() => setPrefs({ theme: prefs.theme === 'dark' ? 'light' : 'dark' })}>
        {prefs.theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
      <button type="button" className="btn" onClick={() => void exportSession(lab)} title="Download this lab as a session file">
        Export
      </button>
      <button type="button" className="btn" onClick={() => fileInput.current?.click()} title="Open a session file">
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importSession(lab, f);
        }}
      />
      <button type="button" className="btn" onClick={() => useApp.setState({ dialog: { kind: 'help' } })} title="Keyboard shortcuts (Alt+Shift+/)">
        Shortcuts
      </button>
      <button type="button" className="btn btn-danger" onClick={reset}>
        Reset lab
      </button>
    </header>
  );
}
