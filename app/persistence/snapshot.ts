import type { PracticeState } from '../features/tasks/practice.ts';
import type { SessionInfo } from '../../engine/protocol/api.ts';
import type { ControllerSnapshot } from '../features/terminal/controller.ts';
import type { TaskSite } from '../../exercises/exam/placement.ts';

/** TabSnapshot is one terminal tab as saved. */
export interface TabSnapshot {
  id: string;
  /** session is the engine's session id the tab was attached to */
  session: string;
  info?: SessionInfo;
  /** transcript is what the terminal showed (the bytes written to it, the newest part) */
  transcript: string;
  controller: ControllerSnapshot;
}

/** OpenFile is one file in the editor. */
export interface OpenFile {
  /** key identifies the tab: host:path for files, edit:<id> for edit requests */
  key: string;
  host: string;
  path: string;
  title: string;
  content: string;
  /** saved is the content as last read from or written to the host (dirty when content differs) */
  saved: string;
  /** edit: opened by vi/nano/kubectl edit, answered with finishEdit; file: opened from the UI */
  kind: 'file' | 'edit';
  requestId?: string;
  /** session is the terminal session whose command opened the file */
  session?: string;
  /** written is what :w recorded for an edit request, handed over on quit */
  written?: string | null;
}

/** ExamState is the mock exam clock. */
export interface ExamState {
  mode: 'practice' | 'exam';
  /** wall-clock ms when the exam started and when it ends */
  startedAt?: number;
  endsAt?: number;
  /** tasks of the exam, in order (absent: a clock-only exam); site: the cluster and host each runs on (absent in older saves) */
  tasks?: { packId: string; exerciseId: string; weight?: number; site?: TaskSite }[];
  /** flagged are the questions (0-based) marked for review */
  flagged?: number[];
  /** notes is the exam's notepad */
  notes?: string;
  /** alerted are the minutes-left reminders already shown (30, 15, 5) */
  alerted?: number[];
  /** report of the last finished exam */
  report?: ExamReport;
}

/** ExamReport is a graded exam: per task, the share of its checks' weight that passed, and per domain. */
export interface ExamReport {
  score: number;
  passed: boolean;
  /** byDomain: points got and possible per curriculum domain (absent in older saves) */
  byDomain?: { title: string; got: number; of: number }[];
  tasks: {
    title: string;
    weight: number;
    score: number;
    failing: string[];
    /** domain's title and the reference solution, for the review (absent in older saves) */
    domain?: string;
    solution?: string;
  }[];
}

/** TimelinePoint is one rewind point: the lab just after a command. */
export interface TimelinePoint {
  id: number;
  at: number;
  command: string;
  tab: string;
}

/** Preferences survive a reset. */
export interface Preferences {
  theme: 'light' | 'dark';
  vim: boolean;
  /** screenReader turns on xterm's screen-reader mode (an accessible live region of the output) */
  screenReader: boolean;
  layout: Record<string, number>;
  speed: number;
}

/** UiSnapshot is everything of the page that is not the engine. */
export interface UiSnapshot {
  prefs: Preferences;
  history: string[];
  tabs: TabSnapshot[];
  activeTab: string;
  files: OpenFile[];
  activeFile: string | null;
  exam: ExamState;
  /** practice is the exercise being worked on (absent in older saves) */
  practice?: PracticeState | null;
  timeline: TimelinePoint[];
  /** timelineAt is the point the lab stands at (points after it are the future a rewind left) */
  timelineAt: number | null;
  filters: { namespaces: string[] | null; hiddenKinds: string[] };
}

/** LabSnapshot is a whole saved lab: the engine's state and the page's. */
export interface LabSnapshot {
  savedAt: number;
  engine: Uint8Array;
  ui: UiSnapshot;
}

/** SESSION_FORMAT names the export file format; SESSION_VERSION is bumped on incompatible changes. */
export const SESSION_FORMAT = 'kubelab-session';
export const SESSION_VERSION = 1;
