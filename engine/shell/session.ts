import { shellDialect } from '../host/userland.ts';
import type { Runtime } from '../base/runtime.ts';
import type { Host } from '../host/host.ts';
import type { Network } from '../host/net.ts';
import type { Editor, ExecRequest, SessionControl } from '../host/process.ts';
import type { Writable } from '../host/streams.ts';
import type { User } from '../host/types.ts';
import { programByName } from '../tools/registry.ts';
import type { ProgramDef } from '../tools/types.ts';
import { runExternal, runShellText } from './interp/call.ts';
import type { HostContext } from './interp/context.ts';
import { ExitSignal, InterruptedSignal, ShellError } from './interp/errors.ts';
import { Expander } from './interp/expand.ts';
import { newShellState } from './interp/init.ts';
import { Interp } from './interp/interp.ts';
import { reportDoneJobs } from './interp/jobs.ts';
import { resolveCommand } from './interp/lookup.ts';
import { Interrupt } from '../host/interrupt.ts';
import type { ShellState } from './interp/state.ts';
import { expandHistory } from './histexpand.ts';
import { historyEntry, loginEnv } from './login-env.ts';
import { parseShell } from './parser/parse.ts';
import { decodePrompt } from './prompt.ts';
import { makeServices, simulatedYield } from './services.ts';
import { TtyInput } from './tty.ts';
import { ChrootHost } from '../host/chroot.ts';
import { openLogin, closeLogin, type Login, type LoginRequest } from './login.ts';

/** ShellWorld is the lab around a session: time, network, editor and the machines to ssh to. */
export interface ShellWorld {
  runtime: Runtime;
  net: Network;
  editor: Editor;
  /** host finds a machine by name or IP address */
  host(nameOrIp: string): Host | undefined;
  /** machines lists the lab's host names */
  machines(): string[];
}

/** ShellSessionOptions open a terminal session on a host as a user. */
export interface ShellSessionOptions {
  world: ShellWorld;
  host: Host;
  user: string;
  /** the terminal's output; isTTY true for a real terminal */
  stdout: Writable;
  stderr: Writable;
  terminal?: { columns: number; rows: number };
  /** a macrotask yield supplied by the embedder (setImmediate, MessageChannel…); engine code cannot make one */
  yieldToHost?: () => Promise<void>;
  /** program lookup; defaults to the registry of engine/tools */
  programs?: (name: string) => ProgramDef | undefined;
  /** controlling terminal name (ps, tty); default pts/0 */
  tty?: string;
  /** start with a login shell (profile files); default true */
  loginShell?: boolean;
}

/** SubmitResult tells the caller what to show next. */
export type SubmitResult = { status: 'incomplete' } | { status: 'done'; code: number } | { status: 'ended'; code: number };

type Action = { kind: 'push'; req: LoginRequest } | { kind: 'pop'; code: number; announce: boolean };

/**
 * ShellSession is one terminal: a stack of logins (ssh, sudo -i and su push
 * one, exit pops it), input buffering until a command is complete, running
 * it with output streamed to the caller's sinks, and the prompt.
 */
export class ShellSession {
  private logins: Login[] = [];
  private buffer = '';
  private running: Interrupt | undefined;
  private readonly ttyIn = new TtyInput();
  private actions: Action[] = [];
  private promptText = '';
  private endedCode: number | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly terminal: { columns: number; rows: number; interactive: boolean };
  readonly control: SessionControl;

  private constructor(private readonly o: ShellSessionOptions) {
    this.terminal = { columns: o.terminal?.columns ?? 80, rows: o.terminal?.rows ?? 24, interactive: true };
    this.control = {
      login: (req) => {
        const host = o.world.host(req.host);
        const user = host?.user(req.user);
        if (host && user) this.actions.push({ kind: 'push', req: { host, user, loginShell: req.loginShell, cwd: req.cwd, env: req.env, closeMessage: req.closeMessage, remote: req.remote } });
      },
      logout: (code) => this.actions.push({ kind: 'pop', code, announce: false }),
      exec: (req) => this.exec(req),
    };
  }

  /** open starts a session: the first login runs its startup files before this resolves. */
  static async open(o: ShellSessionOptions): Promise<ShellSession> {
    const s = new ShellSession(o);
    const user = o.host.user(o.user);
    if (!user) throw new Error(`no such user ${o.user} on ${o.host.name}`);
    await s.push({ host: o.host, user, loginShell: o.loginShell ?? true });
    await s.refreshPrompt();
    return s;
  }

  /** ended is true once the outermost shell has exited. */
  get ended(): boolean {
    return this.endedCode !== undefined;
  }

  /** busy is true while a command runs. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** current describes the innermost login (for tab titles). */
  current(): { host: string; user: string; cwd: string; depth: number } {
    const l = this.top();
    return { host: l?.host.name ?? '', user: l?.user.name ?? '', cwd: l?.interp.state.cwd ?? '/', depth: this.logins.length };
  }

  /** state is the innermost shell's state (variables, aliases, history). */
  get state(): ShellState {
    return this.top()!.interp.state;
  }

  /** prompt is PS1 (or PS2 while input is incomplete), rendered like bash. */
  prompt(): string {
    if (this.ended) return '';
    if (this.buffer !== '') return this.state.get('PS2') ?? '> ';
    return this.promptText;
  }

  /** resize tells the session the terminal size (COLUMNS/LINES and programs' terminal info). */
  resize(columns: number, rows: number): void {
    this.terminal.columns = columns;
    this.terminal.rows = rows;
  }

  /** interrupt is Ctrl-C: it stops the running command, or drops incomplete input. */
  interrupt(): void {
    if (this.running) this.running.raise(130);
    else if (this.buffer !== '') {
      this.buffer = '';
      if (this.top()) this.state.status = 130;
    }
  }

  /** input feeds what the user types to a running command's stdin. */
  input(text: string): void {
    this.ttyIn.write(text);
  }

  /** wantsInput tells whether the running command waits for what the user types (a shell inside kubectl exec -it, cat, read). */
  wantsInput(): boolean {
    return this.running !== undefined && this.ttyIn.reading;
  }

  /** endInput is Ctrl-D while a command reads the terminal. */
  endInput(): void {
    this.ttyIn.end();
  }

  /** submit takes one line of input; it resolves when the line is buffered or has run. */
  submit(line: string): Promise<SubmitResult> {
    const p = this.chain.then(() => this.doSubmit(line));
    this.chain = p.catch(() => undefined);
    return p;
  }

  private top(): Login | undefined {
    return this.logins[this.logins.length - 1];
  }

  private async doSubmit(line: string): Promise<SubmitResult> {
    if (this.ended) return { status: 'ended', code: this.endedCode! };
    const login = this.top()!;
    const st = login.interp.state;
    let text = line;
    const hx = expandHistory(line, st.history);
    if (hx && 'error' in hx) {
      this.o.stderr.write(`bash: ${hx.error}\n`);
      this.buffer = '';
      st.status = 1;
      return { status: 'done', code: 1 };
    }
    if (hx) {
      text = hx.line;
      this.o.stdout.write(text + '\n');
    }
    const src = this.buffer + text + '\n';
    const r = await parseShell(src);
    if (r.kind === 'incomplete') {
      this.buffer = src;
      return { status: 'incomplete' };
    }
    this.buffer = '';
    this.remember(st, src);
    let code: number;
    if (r.kind === 'error') {
      this.o.stderr.write(`bash: ${r.message}\n`);
      code = 2;
      st.status = 2;
    } else code = await this.runTop(login, r.stmts);
    await this.afterLine();
    return this.ended ? { status: 'ended', code: this.endedCode! } : { status: 'done', code };
  }

  private remember(st: ShellState, src: string): void {
    const entry = historyEntry(src);
    if (entry.trim() === '') return;
    const control = st.get('HISTCONTROL') ?? '';
    if (/ignorespace|ignoreboth/.test(control) && entry.startsWith(' ')) return;
    if (/ignoredups|ignoreboth/.test(control) && st.history[st.history.length - 1] === entry) return;
    st.history.push(entry);
  }

  private async runTop(login: Login, stmts: import('./parser/ast.ts').Stmt[]): Promise<number> {
    const signal = new Interrupt();
    this.running = signal;
    const offTty = signal.onInterrupt(() => this.ttyIn.cancel());
    const tty = this.ttyIn;
    // Reads after Ctrl-C see end-of-input at once, whoever was or was not waiting at that moment.
    const stdin = { isTTY: true, read: () => (signal.interrupted ? Promise.resolve(null) : tty.read()), unread: (t: string) => tty.unread(t) };
    const io = { stdin, stdout: this.o.stdout, stderr: this.o.stderr, signal };
    const interp = login.interp;
    let code: number;
    try {
      code = await interp.runList(stmts, io);
      // A program that Ctrl-C found reading the terminal sees end of input and may return 0; SIGINT kills it (130).
      if (signal.interrupted && code === 0) code = signal.code;
    } catch (e) {
      if (e instanceof ExitSignal) {
        this.actions.push({ kind: 'pop', code: e.code, announce: true });
        code = e.code;
      } else if (e instanceof InterruptedSignal) code = e.code;
      else if (e instanceof ShellError) {
        interp.report(e, io);
        code = e.code;
      } else {
        this.o.stderr.write(`bash: ${String((e as Error)?.message ?? e)}\n`);
        code = 1;
      }
    } finally {
      this.running = undefined;
      offTty();
    }
    interp.state.status = code;
    return code;
  }

  private async afterLine(): Promise<void> {
    while (this.actions.length > 0) {
      const a = this.actions.shift()!;
      if (a.kind === 'push') await this.push(a.req);
      else this.pop(a.code, a.announce);
      if (this.ended) {
        this.actions = [];
        return;
      }
    }
    const l = this.top();
    if (l) reportDoneJobs(l.interp.state, this.o.stderr);
    await this.refreshPrompt();
  }

  private async push(req: LoginRequest): Promise<void> {
    const parent = this.top();
    const login = openLogin(req, {
      parent,
      ctx: this.contextFor(req.host, req.user),
      tty: this.o.tty ?? 'pts/0',
      runtime: this.o.world.runtime,
    });
    this.logins.push(login);
    const startup = req.loginShell
      ? 'if [ -r /etc/profile ]; then . /etc/profile; fi\nif [ -r ~/.bash_profile ]; then . ~/.bash_profile; elif [ -r ~/.bash_login ]; then . ~/.bash_login; elif [ -r ~/.profile ]; then . ~/.profile; fi\n'
      : 'if [ -r /etc/bash.bashrc ]; then . /etc/bash.bashrc; fi\nif [ -r ~/.bashrc ]; then . ~/.bashrc; fi\n';
    const r = await parseShell(startup);
    if (r.kind === 'ok') await this.runTop(login, r.stmts);
    login.interp.state.status = 0;
    const pending = this.actions.filter((a) => a.kind === 'pop');
    this.actions = this.actions.filter((a) => a.kind !== 'pop');
    for (const p of pending) if (p.kind === 'pop') this.pop(p.code, p.announce);
  }

  private pop(code: number, announce: boolean): void {
    const l = this.logins.pop();
    if (!l) return;
    closeLogin(l, this.o.stderr, announce);
    const parent = this.top();
    if (!parent) {
      this.endedCode = code;
      return;
    }
    parent.interp.state.status = code;
  }

  private async refreshPrompt(): Promise<void> {
    const l = this.top();
    if (!l) {
      this.promptText = '';
      return;
    }
    const st = l.interp.state;
    const ps1 = st.get('PS1') ?? '';
    const decoded = decodePrompt(ps1, {
      user: l.user.name, uid: l.user.uid, hostname: l.host.name, cwd: st.cwd, home: st.get('HOME'), now: this.o.world.runtime.now,
      jobs: st.jobs.length, historyNumber: st.history.length + 1, commandNumber: st.history.length + 1, tty: this.o.tty ?? 'pts/0',
    });
    this.promptText = decoded.includes('$') || decoded.includes('`') ? await expandPrompt(l.interp, decoded) : decoded;
  }

  /** contextFor builds the HostContext of a shell run by user on host. */
  contextFor(host: Host, user: User): HostContext {
    const w = this.o.world;
    return {
      host,
      user,
      sys: makeServices(host, { runtime: w.runtime, net: w.net, editor: w.editor, machines: () => w.machines(), session: this.control, terminal: this.terminal }),
      programs: this.o.programs ?? programByName,
      // Without a host event loop to yield to, a slice of statements costs a simulated millisecond.
      yieldToHost: this.o.yieldToHost ?? simulatedYield(w.runtime, 1),
      tty: this.o.tty ?? 'pts/0',
    };
  }

  /** exec runs a non-interactive command for ssh/sudo/su/xargs/timeout/watch (SessionControl.exec). */
  async exec(req: ExecRequest): Promise<number> {
    const machine = this.o.world.host(req.host);
    // chroot: the same machine, its files those under req.root
    const host = machine && req.root !== undefined ? new ChrootHost(machine, req.root, this.o.world.runtime.clock) : machine;
    const user = host?.user(req.user);
    if (!host || !user) {
      if (!req.quietNotFound) req.stderr.write(`bash: ${req.user}@${req.host}: no such user or host\n`);
      return 255;
    }
    const env = req.loginShell ? loginEnv(user, req.env) : { ...(req.inheritEnv ?? {}), ...(req.env ?? {}) };
    const cwd = req.cwd ?? (req.loginShell ? user.home : '/');
    const signal = new Interrupt();
    const off = req.signal.onInterrupt(() => signal.raise(130));
    const io = { stdin: req.stdin, stdout: req.stdout, stderr: req.stderr, signal };
    const own = req.pid !== undefined && host.procs.get(req.pid) !== undefined;
    const pid = own ? req.pid! : host.procs.spawn({ user: user.name, uid: user.uid, command: req.argv ? req.argv.join(' ') : `bash -c ${req.command ?? ''}`, tty: this.o.tty ?? 'pts/0' });
    if (own && req.argv) host.procs.exec(pid, req.argv.join(' '));
    try {
      const st = newShellState({ env, cwd, pid, ppid: 1, uid: user.uid, hostname: host.name, runtime: this.o.world.runtime, interactive: false, login: !!req.loginShell });
      const interp = new Interp(st, this.contextFor(host, user), { kind: 'command' });
      if (req.argv && req.argv.length > 0) {
        if (req.quietNotFound && resolveCommand(interp, req.argv[0]!).kind === 'error') return 127;
        return await runExternal(interp, req.argv, env, io);
      }
      const args = req.args ?? [];
      const dialect = shellDialect(host.fs, req.shell);
      if (req.scriptName !== undefined) return await runShellText(interp, req.command ?? '', { name: req.scriptName, args, env, pid, io, kind: 'script', dialect });
      return await runShellText(interp, req.command ?? '', { name: args[0] ?? req.shell ?? 'bash', args: args.slice(1), env, pid, io, kind: 'command', dialect });
    } catch (e) {
      return e instanceof ExitSignal || e instanceof InterruptedSignal ? e.code : 1;
    } finally {
      off();
      if (!own) host.procs.exit(pid);
    }
  }
}

const promptCache = new Map<string, import('./parser/ast.ts').Word | null>();

/** expandPrompt performs PS1's parameter and command expansion (promptvars). */
async function expandPrompt(interp: Interp, text: string): Promise<string> {
  let word = promptCache.get(text);
  if (word === undefined) {
    const r = await parseShell(`: <<__KUBELAB_PS1__\n${text}\n__KUBELAB_PS1__\n`);
    word = r.kind === 'ok' ? (r.stmts[0]?.redirs[0]?.hdoc ?? null) : null;
    if (promptCache.size > 50) promptCache.clear();
    promptCache.set(text, word);
  }
  if (!word) return text;
  try {
    const io = { stdin: new TtyInput(), stdout: { write: () => {}, isTTY: false }, stderr: { write: () => {}, isTTY: false }, signal: new Interrupt() };
    return (await new Expander(interp, io).heredoc(word, false, false)).replace(/\n$/, '');
  } catch {
    return text;
  }
}
