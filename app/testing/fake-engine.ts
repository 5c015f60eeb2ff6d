import type { BootInfo, BootOptions, Completion, EngineApi, EngineEvent, Inspection, SessionInfo, SubmitResult } from '../../engine/protocol/api.ts';

/**
 * FakeEngine is a stand-in EngineApi for the UI's unit tests: a few
 * commands with the real engine's output shapes, an incomplete-input rule
 * (trailing backslash, open here-document), a command that runs until
 * Ctrl-C, one that reads stdin, and scripted completion. It is test code only.
 */
export class FakeEngine implements EngineApi {
  events: EngineEvent[] = [];
  submitted: string[] = [];
  stdinData: string[] = [];
  interrupts = 0;
  completions = new Map<string, Completion>();
  private listeners: ((e: EngineEvent) => void)[] = [];
  private buffer: string[] = [];
  private heredoc: string | undefined;
  private running: { resolve: (r: SubmitResult) => void; kind: 'sleep' | 'read' } | undefined;
  private sessions = new Map<string, SessionInfo>();
  private nextSession = 1;
  saved = 0;

  on(fn: (e: EngineEvent) => void): void {
    this.listeners.push(fn);
  }

  private emit(e: EngineEvent): void {
    this.events.push(e);
    for (const l of this.listeners) l(e);
  }

  private out(session: string, data: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    this.emit({ type: 'output', session, stream, data });
  }

  private info(id: string): SessionInfo {
    return this.sessions.get(id)!;
  }

  async boot(_opts: BootOptions): Promise<BootInfo> {
    const s = await this.openSession();
    return { version: 'fake', sessions: [s], clusters: [{ name: 'kubernetes', context: 'kubernetes-admin@kubernetes', version: 'v1.34.3', hosts: ['controlplane', 'node01', 'node02'] }], now: 0 };
  }

  async openSession(opts: { host?: string; user?: string } = {}): Promise<SessionInfo> {
    const id = `s${this.nextSession++}`;
    const host = opts.host ?? 'controlplane';
    const user = opts.user ?? 'candidate';
    const s: SessionInfo = { id, host, user, cwd: '/home/candidate', prompt: `${user}@${host}:~$ `, depth: 0, ended: false };
    this.sessions.set(id, s);
    return s;
  }

  async closeSession(id: string): Promise<void> {
    this.sessions.delete(id);
  }

  async submit(session: string, line: string): Promise<SubmitResult> {
    this.submitted.push(line);
    if (this.heredoc !== undefined) {
      this.buffer.push(line);
      if (line !== this.heredoc) return { kind: 'incomplete', prompt: '> ' };
      this.heredoc = undefined;
    } else {
      this.buffer.push(line);
      const m = /<<-?\s*'?(\w+)'?/.exec(line);
      if (m) {
        this.heredoc = m[1];
        return { kind: 'incomplete', prompt: '> ' };
      }
      if (line.endsWith('\\')) return { kind: 'incomplete', prompt: '> ' };
    }
    const cmd = this.buffer.join('\n');
    this.buffer = [];
    return this.run(session, cmd);
  }

  private run(session: string, cmd: string): Promise<SubmitResult> {
    const done = (exit = 0): SubmitResult => ({ kind: 'done', exit, session: this.info(session) });
    const first = cmd.trim().split(/\s+/)[0] ?? '';
    if (cmd.trim() === '') return Promise.resolve(done());
    if (cmd.trim() === 'kubectl get nodes') {
      this.out(session, 'NAME           STATUS   ROLES           AGE   VERSION\ncontrolplane   Ready    control-plane   5m    v1.34.3\nnode01         Ready    <none>          5m    v1.34.3\nnode02         Ready    <none>          5m    v1.34.3\n');
      return Promise.resolve(done());
    }
    if (first === 'echo') {
      this.out(session, cmd.trim().slice(5) + '\n');
      return Promise.resolve(done());
    }
    if (first === 'printf') {
      this.out(session, cmd.trim().slice(7));
      return Promise.resolve(done());
    }
    if (first === 'cat') return Promise.resolve(done());
    if (first === 'sleep' || first === 'read') {
      return new Promise((resolve) => (this.running = { resolve, kind: first }));
    }
    if (first === 'exit') {
      const s = { ...this.info(session), ended: true };
      this.sessions.set(session, s);
      return Promise.resolve({ kind: 'done', exit: 0, session: s });
    }
    this.out(session, `${first}: command not found\n`, 'stderr');
    return Promise.resolve(done(127));
  }

  async interrupt(session: string): Promise<void> {
    this.interrupts++;
    this.buffer = [];
    this.heredoc = undefined;
    const r = this.running;
    this.running = undefined;
    r?.resolve({ kind: 'done', exit: 130, session: this.info(session) });
  }

  async stdin(session: string, data: string): Promise<void> {
    this.stdinData.push(data);
    const r = this.running;
    if (r?.kind === 'read' && data.endsWith('\n')) {
      this.running = undefined;
      this.out(session, `read: ${data}`);
      r.resolve({ kind: 'done', exit: 0, session: this.info(session) });
    }
  }

  /** finishSleep ends a running `sleep` as if its time had passed. */
  finishSleep(session: string, unread?: string): void {
    const r = this.running;
    this.running = undefined;
    r?.resolve({ kind: 'done', exit: 0, session: this.info(session), ...(unread !== undefined ? { unread } : {}) });
  }

  async complete(_session: string, line: string, cursor: number): Promise<Completion> {
    return this.completions.get(line.slice(0, cursor)) ?? { start: cursor, end: cursor, candidates: [] };
  }

  async finishEdit(): Promise<void> {}
  async readFile(): Promise<string> {
    return '';
  }
  async writeFile(): Promise<void> {}
  async watchCluster(): Promise<void> {}
  async inspect(): Promise<Inspection> {
    return { yaml: '', events: [] };
  }
  async setSpeed(): Promise<void> {}
  async saveState(): Promise<Uint8Array> {
    this.saved++;
    return new Uint8Array([this.saved]);
  }
}
