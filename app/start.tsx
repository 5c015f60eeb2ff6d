import '@xterm/xterm/css/xterm.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import type { EngineClient } from './engine/client.ts';
import type { EngineSupervisor } from './engine/supervisor.ts';
import { LabContext } from './lab/context.ts';
import { LabSession } from './lab/lab-session.ts';
import { Timeline } from './lab/timeline.ts';
import { LabStore } from './persistence/db.ts';
import { useApp } from './state/store.ts';
import { installTestHooks } from './test-hooks.ts';
import { acquireLabLock, takeoverRequested, type LocksLike } from './lab/tab-lock.ts';
import { openShareLink } from './features/workshop/open-pack.ts';
import { firstPromptShown } from './state/first-prompt.ts';

/** start renders the page and starts (or restores) the lab on the engine main.tsx already spawned. */
export function start(client: EngineClient, supervisor?: EngineSupervisor): void {
  const store = new LabStore();
  const lab = new LabSession(client, store);
  const timeline = new Timeline(lab);
  installTestHooks(lab, supervisor);
  if (supervisor) {
    supervisor.onRestart = (reason) => lab.recover(reason);
    supervisor.start();
  }

  try {
    const theme = localStorage.getItem('kubelab.theme');
    if (theme === 'light' || theme === 'dark') useApp.setState((s) => ({ prefs: { ...s.prefs, theme } }));
  } catch {
    // no storage: the system theme applies
  }

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LabContext value={{ lab, timeline }}>
        <App />
      </LabContext>
    </StrictMode>,
  );

  // The lab runs in one tab at a time; it is read from the store only once this tab owns it.
  const locks = (navigator as Navigator & { locks?: LocksLike }).locks;
  const onLost = () => {
    lab.saver.stop();
    useApp.setState({ tabConflict: 'moved' });
  };
  void acquireLabLock(locks, { steal: takeoverRequested(sessionStorage), onLost })
    .then(async (owner) => {
      if (owner === 'busy') {
        useApp.setState({ tabConflict: 'busy' });
        firstPromptShown();
        return;
      }
      await lab.start(await store.load().catch(() => undefined));
      // A workshop link (?pack=…, ?exercise=…) opens its pack and offers its exercise.
      await openShareLink(lab, location.search);
    })
    .catch((err: unknown) => {
      useApp.setState({ boot: { status: 'error', message: (err as Error).message } });
      // No prompt is coming: what waited for it (exercises, topology) goes ahead.
      firstPromptShown();
    });

  // Save when the page goes away (the last save after a command usually has everything already).
  addEventListener('pagehide', () => void lab.saver.saveNow());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && void lab.saver.saveNow());
}
