import { create } from 'zustand';
import type { ObjectRef } from '../features/topology/model.ts';
import type { PracticeState } from '../features/tasks/practice.ts';
import type { Pack } from '../../exercises/pack/types.ts';
import type { ExamState, OpenFile, Preferences, TimelinePoint } from '../persistence/snapshot.ts';

/** PaneId names the four panes keyboard shortcuts move between. */
export type PaneId = 'tasks' | 'terminal' | 'editor' | 'topology';

/** TabState is what the page shows of a terminal tab. */
export interface TabState {
  id: string;
  session: string;
  title: string;
  ended: boolean;
}

/** Notice is a message shown briefly in the corner. */
export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** Dialog is the modal on screen, if any. */
export type Dialog =
  | { kind: 'confirm'; title: string; body: string; confirm: string; danger?: boolean; onConfirm: () => void }
  | { kind: 'help' }
  | { kind: 'open-file' };

/** AppState is the page's state (the cluster itself lives in the engine). */
export interface AppState {
  boot: { status: 'booting' | 'ready' | 'error'; message?: string };
  context: string;
  hosts: string[];
  tabs: TabState[];
  activeTab: string;
  files: OpenFile[];
  activeFile: string | null;
  exam: ExamState;
  /** practice is the exercise being worked on outside an exam */
  practice: PracticeState | null;
  timeline: TimelinePoint[];
  timelineAt: number | null;
  prefs: Preferences;
  filters: { namespaces: string[] | null; hiddenKinds: string[] };
  namespaces: string[];
  selected: ObjectRef | null;
  notices: Notice[];
  dialog: Dialog | null;
  leftTab: 'tasks' | 'timeline';
  leftOpen: boolean;
  /** now ticks once a second for clocks */
  now: number;
  /** tabConflict: the lab runs in another tab ('busy' from the start, 'moved' after a takeover) */
  tabConflict: 'busy' | 'moved' | null;
  /** openedPacks are packs opened from a file or a URL (a workshop's), beside the shipped ones */
  openedPacks: OpenedPack[];
  /** packErrors are the mistakes found in the last pack that could not be opened */
  packErrors: string[];
}

/** OpenedPack is a pack opened from a URL (kept for share links) or from files. */
export interface OpenedPack {
  pack: Pack;
  url?: string;
}

/** systemTheme reads the browser's colour-scheme preference. */
export function systemTheme(): 'light' | 'dark' {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** DEFAULT_LAYOUT: column and row shares in percent, comfortable at 1280×720; the terminal, where the work is done, gets the most. */
export const DEFAULT_LAYOUT: Record<string, number> = { left: 18, center: 57, right: 25, terminal: 58, topology: 60 };

/** defaultPrefs are a new visitor's preferences. */
export function defaultPrefs(): Preferences {
  return { theme: systemTheme(), vim: false, screenReader: false, layout: { ...DEFAULT_LAYOUT }, speed: 1 };
}

/** useApp is the page's store. */
export const useApp = create<AppState>()(() => ({
  boot: { status: 'booting' },
  context: '',
  hosts: [],
  tabs: [],
  activeTab: '',
  files: [],
  activeFile: null,
  exam: { mode: 'practice' },
  practice: null,
  timeline: [],
  timelineAt: null,
  prefs: defaultPrefs(),
  filters: { namespaces: null, hiddenKinds: [] },
  namespaces: [],
  selected: null,
  notices: [],
  dialog: null,
  leftTab: 'tasks',
  leftOpen: true,
  now: Date.now(),
  tabConflict: null,
  openedPacks: [],
  packErrors: [],
}));

let noticeId = 0;

/** notify shows a notice for a few seconds. */
export function notify(level: Notice['level'], text: string, ms = 6000): void {
  const id = ++noticeId;
  useApp.setState((s) => ({ notices: [...s.notices.slice(-3), { id, level, text }] }));
  setTimeout(() => useApp.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), ms);
}

/** confirm opens a confirmation dialog. */
export function confirm(opts: Omit<Extract<Dialog, { kind: 'confirm' }>, 'kind'>): void {
  useApp.setState({ dialog: { kind: 'confirm', ...opts } });
}

/** setPrefs changes preferences. */
export function setPrefs(p: Partial<Preferences>): void {
  useApp.setState((s) => ({ prefs: { ...s.prefs, ...p } }));
}

/** setLayout stores one pane share. */
export function setLayout(key: string, value: number): void {
  useApp.setState((s) => ({ prefs: { ...s.prefs, layout: { ...s.prefs.layout, [key]: value } } }));
}
