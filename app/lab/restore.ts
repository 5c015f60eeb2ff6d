import type { BootInfo, SessionInfo } from '../../engine/protocol/api.ts';
import type { EngineClient } from '../engine/client.ts';
import { History } from '../features/terminal/history.ts';
import type { TerminalTab } from '../features/terminal/terminal-tab.ts';
import type { LabSnapshot } from '../persistence/snapshot.ts';
import { defaultPrefs, useApp } from '../state/store.ts';
import type { LabSession } from './lab-session.ts';

/**
 * sessionFor finds the engine session a tab reattaches to in a restored lab:
 * the same id when the engine kept it, else a session left over on the same
 * host, else a new one on the tab's host for its user.
 */
export async function sessionFor(engine: EngineClient, t: { session: string; info?: SessionInfo }, unused: Map<string, SessionInfo>): Promise<SessionInfo> {
  const same = unused.get(t.session);
  if (same) {
    unused.delete(same.id);
    return same;
  }
  const near = [...unused.values()].find((x) => !t.info || (x.host === t.info.host && x.user === t.info.user));
  if (near) {
    unused.delete(near.id);
    return near;
  }
  return engine.openSession(t.info ? { host: t.info.host, user: t.info.user } : undefined);
}

/**
 * restoreLab brings back a saved or imported lab: the engine from its state,
 * then the terminals (transcripts replayed, half-typed lines kept), history,
 * open files, the exam clock, the timeline and the preferences. Buffers of
 * vi or kubectl edit are not restored: the command that opened them ended
 * with the page.
 */
export async function restoreLab(lab: LabSession, s: LabSnapshot): Promise<void> {
  const ui = s.ui;
  const history = new History(ui.history);
  const booting = lab.bootEngine(s.engine);
  // The first tab's terminal opens while the engine restores the lab.
  const ahead = lab.terminalAhead({ id: ui.tabs[0]?.id, history });
  try {
    await restoreInto(lab, s, history, await booting, ahead?.tab);
  } finally {
    if (ahead && lab.tabs.get(ahead.id) !== ahead.tab) ahead.tab.dispose();
  }
}

async function restoreInto(lab: LabSession, s: LabSnapshot, history: History, info: BootInfo, ahead: TerminalTab | undefined): Promise<void> {
  lab.disposeTabs();
  const ui = s.ui;
  lab.history = history;
  const files = ui.files.filter((f) => f.kind === 'file');
  useApp.setState({
    prefs: { ...defaultPrefs(), ...ui.prefs, layout: { ...defaultPrefs().layout, ...ui.prefs?.layout } },
    files,
    activeFile: files.some((f) => f.key === ui.activeFile) ? ui.activeFile : (files[0]?.key ?? null),
    exam: ui.exam ?? { mode: 'practice' },
    // A setup or check cut off by the reload is not resumed; the exercise itself is.
    practice: ui.practice ? { ...ui.practice, status: 'ready' } : null,
    timeline: ui.timeline ?? [],
    timelineAt: ui.timelineAt ?? null,
    filters: ui.filters ?? { namespaces: null, hiddenKinds: [] },
  });
  const unused = new Map(info.sessions.map((x) => [x.id, x]));
  for (const t of ui.tabs) {
    const session = await sessionFor(lab.engine, t, unused);
    lab.createTab(session, t.id, ahead).restore(t);
  }
  if (ui.tabs.length === 0) {
    const first = info.sessions[0] ?? (await lab.engine.openSession());
    lab.createTab(first, ahead?.id, ahead).controller.showPrompt(first.prompt);
  }
  useApp.setState({ activeTab: lab.tabs.has(ui.activeTab) ? ui.activeTab : [...lab.tabs.keys()][0]! });
}
