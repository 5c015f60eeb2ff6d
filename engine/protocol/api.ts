/**
 * The one protocol between the engine and its callers. The browser's UI talks
 * to a Web Worker that serves EngineApi (engine/worker/); the Node CLI and the
 * tests call a Lab (engine/lab/) that implements the same interface directly.
 * Everything here is plain data (structured-clone safe): no classes, no functions.
 */

/** BootOptions chooses the lab to start. */
export interface BootOptions {
  /** lab is a lab-definition YAML; absent: the default lab shipped with the project. */
  lab?: string;
  /** seed of the lab's random source (names, IPs, keys); same seed, same lab. */
  seed?: number;
  /** start is the simulated wall time at boot, ms since epoch. */
  start?: number;
  /** state restores a lab saved by saveState() instead of booting a new one. */
  state?: Uint8Array;
}

/** SessionInfo describes one terminal session (one tab): where its input runs now. */
export interface SessionInfo {
  id: string;
  host: string;
  user: string;
  cwd: string;
  /** prompt is PS1 as the shell renders it, e.g. "candidate@controlplane:~$ ". */
  prompt: string;
  /** depth counts nested logins (ssh, sudo -i); 0 is the session's first shell. */
  depth: number;
  ended: boolean;
}

export interface BootInfo {
  version: string;
  sessions: SessionInfo[];
  /** clusters of the lab, with their kubeconfig context names. */
  clusters: { name: string; context: string; version: string; hosts: string[] }[];
  /** now is the simulated time after boot. */
  now: number;
}

/** SubmitResult answers one line of terminal input. */
export type SubmitResult =
  | { kind: 'incomplete'; prompt: string }
  | {
      kind: 'done';
      exit: number;
      session: SessionInfo;
      /**
       * unread (optional) is terminal input the command never read: what the
       * user typed or pasted while it ran. The terminal gives it back to the
       * next prompt as type-ahead, the way bash reads what is left in the tty.
       */
      unread?: string;
    };

export interface Completion {
  /** the part of the line [start, end) the candidates replace */
  start: number;
  end: number;
  candidates: string[];
}

/** ClusterObject is the part of an API object the topology and inspector need. */
export interface ClusterObject {
  kind: string;
  apiVersion: string;
  namespace?: string;
  name: string;
  uid: string;
  /** the full object as the apiserver returns it */
  object: Record<string, unknown>;
}

/** ClusterDiff is a batch of changes to API objects since the last one (squashed per tick). */
export interface ClusterDiff {
  added: ClusterObject[];
  updated: ClusterObject[];
  removed: { kind: string; namespace?: string; name: string; uid: string }[];
  /** resourceVersion of the store after this batch */
  revision: number;
}

/** Events flow from the engine to the UI without a request. */
export type EngineEvent =
  | { type: 'output'; session: string; stream: 'stdout' | 'stderr'; data: string }
  | { type: 'session'; session: SessionInfo }
  | { type: 'edit'; requestId: string; session: string; host: string; path: string; content: string; title?: string }
  | { type: 'cluster'; diff: ClusterDiff }
  | { type: 'clock'; now: number; speed: number }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; text: string };

/** SessionOptions say where a new shell starts and how its commands meet time. */
export interface SessionOptions {
  host?: string;
  user?: string;
  /**
   * stepped: the session's commands run on simulated time at full speed (a
   * `sleep 60` or `kubectl wait` ends at once), as exercise setup and grading
   * need in a lab whose clock otherwise follows the wall clock.
   */
  stepped?: boolean;
}

/** EngineApi is every call the UI can make. */
export interface EngineApi {
  boot(opts: BootOptions): Promise<BootInfo>;
  openSession(opts?: SessionOptions): Promise<SessionInfo>;
  closeSession(session: string): Promise<void>;
  /** submit sends one line of input (without the newline) to a session. */
  submit(session: string, line: string): Promise<SubmitResult>;
  /** interrupt is Ctrl-C: it stops the running command (or discards a half-typed multi-line input). */
  interrupt(session: string): Promise<void>;
  /** stdin feeds keystrokes to a running command that reads its input (read, kubectl run -it). */
  stdin(session: string, data: string): Promise<void>;
  complete(session: string, line: string, cursor: number): Promise<Completion>;
  /** finishEdit answers an 'edit' event: content is the saved text, or null when the user closed without saving. */
  finishEdit(requestId: string, content: string | null): Promise<void>;
  readFile(host: string, path: string): Promise<string>;
  writeFile(host: string, path: string, content: string): Promise<void>;
  /** watchCluster starts 'cluster' events; the first one carries every object. */
  watchCluster(): Promise<void>;
  /** describe returns what the inspector shows for an object: YAML, events, and for a Pending pod the scheduler's verdicts. */
  inspect(ref: { kind: string; namespace?: string; name: string }): Promise<Inspection>;
  /** setSpeed sets how fast simulated time runs against wall time (1 = real time). */
  setSpeed(factor: number): Promise<void>;
  saveState(): Promise<Uint8Array>;
  /**
   * resize (optional) tells a session the terminal's size, as a real terminal's
   * SIGWINCH does: COLUMNS/LINES and what full-screen programs (watch, less) draw.
   * The UI calls it when the terminal pane changes size; absent, sessions stay 80x24.
   */
  resize?(session: string, columns: number, rows: number): Promise<void>;
  /**
   * endInput (optional) is Ctrl-D while a command reads the terminal (cat, read,
   * an interactive kubectl exec): end of input for that command.
   */
  endInput?(session: string): Promise<void>;
  /**
   * ping (optional) answers at once with the simulated time: the UI's
   * watchdog uses it to tell a busy engine from one that has died.
   */
  ping?(): Promise<number>;
  /**
   * adminRequest (optional) sends one API request to a cluster (by context
   * or cluster name; the first cluster when absent) as its administrator,
   * outside anything the candidate's credentials can reach: the grader's
   * identity. Only the UI holds it; nothing in the terminal can call it.
   */
  adminRequest?(req: AdminRequest): Promise<{ status: number; body: unknown }>;
  /** advance (optional) moves simulated time on at once by ms: exercise setup lets controllers react without waiting. */
  advance?(ms: number): Promise<void>;
}

/** AdminRequest is one request of the grader's admin identity. */
export interface AdminRequest {
  context?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** contentType selects the patch type for PATCH (default: merge patch) */
  contentType?: string;
}

export interface Inspection {
  yaml: string;
  events: { type: string; reason: string; message: string; age: string; count: number }[];
  /** per node, per scheduler filter plugin: passed, or the reason it failed */
  scheduling?: { node: string; plugin: string; verdict: 'passed' | 'failed'; reason?: string }[];
}
