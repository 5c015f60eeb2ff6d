import { absPath } from '../../host/fs/path.ts';
import { Collector, EMPTY_INPUT } from '../../host/streams.ts';
import type { FileSystem } from '../../host/types.ts';
import type { Arith, Command, Stmt } from '../parser/ast.ts';
import { parseShell } from '../parser/parse.ts';
import { runCall } from './call.ts';
import type { HostContext, ShellMode } from './context.ts';
import { evalCond, type FileTestEnv } from './cond.ts';
import { ExitSignal, InterruptedSignal, LoopSignal, ReturnSignal, ShellError } from './errors.ts';
import { Expander } from './expand.ts';
import { matchPattern } from '../../tools/coreutils/lib/pattern.ts';
import { Pipe, TextInput } from './pipe.ts';
import { applyRedirects } from './redirect.ts';
import type { Interrupt } from '../../host/interrupt.ts';
import type { ShellState } from './state.ts';
import type { ExpandEnv, Io } from './types.ts';
import { runDecl } from './assign.ts';
import { startJob } from './jobs.ts';

/**
 * STEPS_PER_SLICE is how many statements an interpreter runs before it hands
 * the lab a turn (HostContext.yieldToHost): a loop that never waits on
 * anything still lets Ctrl-C, the event queue and simulated time move.
 */
export const STEPS_PER_SLICE = 256;

/**
 * Interp executes parsed shell statements against a ShellState on one
 * host. Compound commands are handled here; simple commands (builtins,
 * functions, programs, scripts) in call.ts.
 */
export class Interp implements ExpandEnv {
  /** statements run so far, shared with subshells (a loop of `( … )` or `$( … )` counts as much as a plain one) */
  private steps = { n: 0 };
  /** exit status of the last command substitution of the current command (for `x=$(false)`) */
  lastSubst: number | undefined;
  /** process-substitution files to remove when the current command ends */
  procFiles: string[] = [];
  private fsView: FileSystem | undefined;

  constructor(
    readonly state: ShellState,
    readonly ctx: HostContext,
    readonly mode: ShellMode = { kind: 'interactive' },
  ) {}

  /** fs is the host's filesystem as the shell's user sees it. */
  get fs(): FileSystem {
    return (this.fsView ??= this.ctx.host.fsFor(this.ctx.user));
  }

  /** sub makes an interpreter for a subshell: same host, cloned state. */
  sub(): Interp {
    const s = new Interp(this.state.clone(), this.ctx, this.mode);
    s.steps = this.steps;
    for (const a of this.aliasDepth) s.aliasDepth.add(a);
    return s;
  }

  homeOf(user: string): string | undefined {
    if (user === '') return this.ctx.user.home;
    return this.ctx.host.user(user)?.home;
  }

  /** line is the line of the statement running now: errors reported without one ("command not found") name it. */
  line = 0;

  /** errPrefix is what bash puts before an error: "bash: " interactively, "script: line N: " in a script. */
  errPrefix(line = this.line): string {
    const m = this.mode;
    if (m.kind === 'interactive') return 'bash: ';
    const name = m.kind === 'script' ? m.name : (m.name ?? 'bash');
    if (m.dialect === 'dash') return `${name}: ${line || 1}: `;
    if (m.dialect === 'ash') return m.kind === 'script' ? `${name}: line ${line || 1}: ` : `${name}: `;
    return m.kind === 'script' ? `${name}: line ${line}: ` : `bash: line ${line || 1}: `;
  }

  /** notFound is how this shell says a command does not exist: bash's "command not found", dash's and ash's "not found". */
  notFound(name: string): string {
    return this.mode.kind !== 'interactive' && this.mode.dialect && this.mode.dialect !== 'bash' ? `${name}: not found` : `${name}: command not found`;
  }

  /** report prints a ShellError. */
  report(e: ShellError, io: Io, line = 0): void {
    io.stderr.write(this.errPrefix(line) + e.message + '\n');
  }

  fileTestEnv(io: Io): FileTestEnv {
    return {
      fs: this.fs,
      cwd: this.state.cwd,
      uid: this.ctx.user.uid,
      gids: this.ctx.user.groups,
      isTty: (fd) => (fd === 0 ? io.stdin.isTTY : fd === 1 ? io.stdout.isTTY : fd === 2 ? io.stderr.isTTY : false),
    };
  }

  async parseArith(src: string): Promise<Arith | undefined> {
    const r = await parseShell(`(( ${src} ))\n`);
    if (r.kind !== 'ok') return undefined;
    const c = r.stmts[0]?.cmd;
    return c?.t === 'arithcmd' ? c.x : undefined;
  }

  async commandSubst(stmts: Stmt[], io: Io): Promise<string> {
    const sub = this.sub();
    const out = new Collector();
    const code = await sub.runIsolated(stmts, { ...io, stdout: out });
    this.state.status = code;
    this.lastSubst = code;
    return out.text;
  }

  async processSubst(stmts: Stmt[], out: boolean, io: Io): Promise<string> {
    const n = 63 - this.procFiles.length;
    const path = `/proc/self/fd/${n}`;
    const root = this.ctx.host.fs;
    root.mkdir('/proc/self/fd', { recursive: true });
    if (out) {
      root.writeFile(path, '', { mode: 0o666 });
      this.procFiles.push(path);
      this.pendingOut.push({ path, stmts, io });
    } else {
      const col = new Collector();
      await this.sub().runIsolated(stmts, { ...io, stdout: col, stdin: EMPTY_INPUT });
      root.writeFile(path, col.text, { mode: 0o444 });
      this.procFiles.push(path);
    }
    return `/dev/fd/${n}`;
  }

  private pendingOut: Array<{ path: string; stmts: Stmt[]; io: Io }> = [];

  /** finishProcSubst feeds >(…) consumers and removes the temporary files. */
  async finishProcSubst(mark: number): Promise<void> {
    const outs = this.pendingOut.splice(0);
    for (const o of outs) {
      let text = '';
      try {
        text = this.ctx.host.fs.readFile(o.path);
      } catch {
        text = '';
      }
      await this.sub().runIsolated(o.stmts, { ...o.io, stdin: new TextInput(text) });
    }
    for (const f of this.procFiles.splice(mark)) {
      try {
        this.ctx.host.fs.unlink(f);
      } catch {
        // already gone
      }
    }
  }

  /** runIsolated runs statements as a subshell: exit ends only it, and errors never escape. */
  async runIsolated(stmts: Stmt[], io: Io): Promise<number> {
    try {
      return await this.runList(stmts, io);
    } catch (e) {
      return this.settle(e, io);
    }
  }

  /** settle turns an unwinding value into an exit status (rethrowing what is not ours). */
  settle(e: unknown, io: Io, line = 0): number {
    if (e instanceof ExitSignal) return e.code;
    if (e instanceof InterruptedSignal) return e.code;
    if (e instanceof ReturnSignal) return e.code;
    if (e instanceof LoopSignal) return 0;
    if (e instanceof ShellError) {
      this.report(e, io, line);
      return this.mode.kind === 'interactive' ? e.code : e.scriptCode;
    }
    io.stderr.write(`${this.errPrefix(line)}${String((e as Error)?.message ?? e)}\n`);
    return 1;
  }

  /** runList runs statements in order and returns the last status. */
  async runList(stmts: Stmt[], io: Io, cond = false): Promise<number> {
    let code = this.state.status;
    for (const s of stmts) code = await this.runStmt(s, io, cond);
    return code;
  }

  private async tick(signal: Interrupt): Promise<void> {
    if (signal.interrupted) throw new InterruptedSignal(signal.code);
    if (++this.steps.n % STEPS_PER_SLICE === 0) {
      await this.ctx.yieldToHost(signal);
      if (signal.interrupted) throw new InterruptedSignal(signal.code);
    }
  }

  /** runStmt runs one statement: redirections, negation, background, errexit. */
  async runStmt(s: Stmt, io: Io, cond = false): Promise<number> {
    await this.tick(io.signal);
    if (s.line) this.line = s.line;
    if (s.background) {
      startJob(this, s, io);
      this.state.status = 0;
      return 0;
    }
    let code: number;
    try {
      code = await this.runRedirected(s, io, cond || s.negated);
    } catch (e) {
      if (!(e instanceof ShellError) || e.fatal) throw e;
      this.report(e, io, s.line);
      code = e.code;
    }
    if (s.negated) code = code === 0 ? 1 : 0;
    this.state.status = code;
    if (code !== 0 && this.state.opts.errexit && !cond && !s.negated && s.cmd?.t !== 'binary') throw new ExitSignal(code);
    return code;
  }

  private async runRedirected(s: Stmt, io: Io, cond: boolean): Promise<number> {
    if (!s.cmd) {
      // A line of only redirections (`> file`) opens and truncates them, like bash.
      if (s.redirs.length) await applyRedirects(s.redirs, io, new Expander(this, io), this.redirectHost());
      return 0;
    }
    if (s.cmd.t === 'call' && this.aliasesActive()) {
      const expanded = await this.expandAlias(s);
      if (expanded) {
        this.aliasDepth.add(expanded.name);
        try {
          return await this.runList(expanded.stmts, io, cond);
        } finally {
          this.aliasDepth.delete(expanded.name);
        }
      }
    }
    if (s.cmd.t === 'call') return runCall(this, s, s.cmd, io, cond);
    const ex = new Expander(this, io);
    const rio = s.redirs.length ? await applyRedirects(s.redirs, io, ex, this.redirectHost()) : io;
    return this.runCommand(s.cmd, rio, cond);
  }

  redirectHost() {
    return { cwd: () => this.state.cwd, umask: () => this.state.umask, noclobber: () => this.state.opts.noclobber, fs: this.fs };
  }

  private aliasesActive(): boolean {
    return (this.state.interactive || this.state.shopt.has('expand_aliases')) && this.state.aliases.size > 0;
  }

  /** aliases being expanded right now (an alias is not expanded inside itself) */
  readonly aliasDepth = new Set<string>();

  /** expandAlias rewrites a statement whose first word is an alias, as bash does while reading input. */
  private async expandAlias(s: Stmt): Promise<{ name: string; stmts: Stmt[] } | undefined> {
    const call = s.cmd as Command & { t: 'call' };
    const first = call.args[0];
    if (call.assigns.length || !first || first.parts.length !== 1 || first.parts[0]!.t !== 'lit') return undefined;
    const name = first.parts[0]!.v;
    const value = this.state.aliases.get(name);
    if (value === undefined || this.aliasDepth.has(name) || !s.src.startsWith(name)) return undefined;
    const src = value + s.src.slice(name.length);
    const r = await parseShell(src + '\n');
    if (r.kind === 'error') throw new ShellError(r.message, 2);
    if (r.kind !== 'ok') return undefined;
    return { name, stmts: r.stmts };
  }

  /** runCommand dispatches compound commands. */
  async runCommand(c: Command, io: Io, cond: boolean): Promise<number> {
    switch (c.t) {
      case 'call':
        return runCall(this, { negated: false, background: false, redirs: [], line: 0, src: '' }, c, io, cond);
      case 'binary':
        return this.runBinary(c, io, cond);
      case 'if': {
        for (let clause: typeof c | undefined = c; clause; clause = clause.else) {
          if (clause.cond.length === 0 || (await this.runList(clause.cond, io, true)) === 0) return this.runList(clause.then, io, cond);
        }
        return 0;
      }
      case 'while':
        return this.runLoop(async () => ((await this.runList(c.cond, io, true)) === 0) !== c.until, c.body, io, cond);
      case 'for': {
        const ex = new Expander(this, io);
        const items = c.items ? await ex.fields(c.items) : [...this.state.positional];
        let i = 0;
        return this.runLoop(
          async () => {
            if (i >= items.length) return false;
            this.state.set(c.name, items[i++]!);
            return true;
          },
          c.body,
          io,
          cond,
        );
      }
      case 'cfor': {
        const ex = new Expander(this, io);
        if (c.init) await ex.arith(c.init);
        let first = true;
        return this.runLoop(
          async () => {
            if (!first && c.post) await ex.arith(c.post);
            first = false;
            return c.cond ? (await ex.arith(c.cond)) !== 0n : true;
          },
          c.body,
          io,
          cond,
        );
      }
      case 'case':
        return this.runCase(c, io, cond);
      case 'block':
        return this.runList(c.stmts, io, cond);
      case 'subshell':
        return this.sub().runIsolated(c.stmts, io);
      case 'func':
        this.state.functions.set(c.name, { body: c.body, src: c.src });
        return 0;
      case 'arithcmd': {
        const v = await new Expander(this, io).arith(c.x, c.src);
        return v !== 0n ? 0 : 1;
      }
      case 'let': {
        let v = 0n;
        const ex = new Expander(this, io);
        for (const x of c.exprs) v = await ex.arith(x);
        return v !== 0n ? 0 : 1;
      }
      case 'test':
        return (await evalCond(c.x, new Expander(this, io), this.fileTestEnv(io))) ? 0 : 1;
      case 'decl':
        return runDecl(this, c, io);
      case 'time': {
        const t0 = this.ctx.sys.runtime.now;
        const code = c.stmt ? await this.runStmt(c.stmt, io, cond) : 0;
        const secs = (this.ctx.sys.runtime.now - t0) / 1000;
        const fmt = (s: number) => `${Math.floor(s / 60)}m${(s % 60).toFixed(3)}s`;
        io.stderr.write(`\nreal\t${fmt(secs)}\nuser\t0m0.000s\nsys\t0m0.000s\n`);
        return code;
      }
      case 'unsupported':
        throw new ShellError(`${c.what}: not supported`, 2);
    }
  }

  private async runBinary(c: Command & { t: 'binary' }, io: Io, cond: boolean): Promise<number> {
    if (c.op === '&&' || c.op === '||') {
      const x = await this.runStmt(c.x, io, true);
      if ((c.op === '&&') === (x === 0)) return this.runStmt(c.y, io, cond);
      return x;
    }
    const stages: Array<{ stmt: Stmt; errToPipe: boolean }> = [];
    const collect = (s: Stmt, errToPipe: boolean) => {
      if (s.cmd?.t === 'binary' && (s.cmd.op === '|' || s.cmd.op === '|&') && !s.negated && s.redirs.length === 0 && !s.background) {
        collect(s.cmd.x, s.cmd.op === '|&');
        collect(s.cmd.y, errToPipe);
      } else stages.push({ stmt: s, errToPipe });
    };
    collect(c.x, c.op === '|&');
    collect(c.y, false);
    return this.runPipeline(stages, io);
  }

  private async runPipeline(stages: Array<{ stmt: Stmt; errToPipe: boolean }>, io: Io): Promise<number> {
    const pipes = stages.slice(1).map(() => new Pipe());
    const runs = stages.map(async ({ stmt, errToPipe }, i) => {
      const signal = io.signal.child();
      const out = i < pipes.length ? pipes[i]! : io.stdout;
      if (i < pipes.length) pipes[i]!.onBroken = () => signal.raise(141);
      const stageIo: Io = { ...io, stdin: i === 0 ? io.stdin : pipes[i - 1]!, stdout: out, stderr: errToPipe && i < pipes.length ? pipes[i]! : io.stderr, signal };
      const sh = this.sub();
      try {
        return await sh.runStmt(stmt, stageIo);
      } catch (e) {
        return sh.settle(e, stageIo, stmt.line);
      } finally {
        signal.dispose();
        if (i < pipes.length) pipes[i]!.close();
        if (i > 0) pipes[i - 1]!.readerGone();
      }
    });
    const codes = await Promise.all(runs);
    this.state.setValue('PIPESTATUS', codes.map(String));
    if (io.signal.interrupted) throw new InterruptedSignal(io.signal.code);
    if (this.state.opts.pipefail) return [...codes].reverse().find((x) => x !== 0) ?? 0;
    return codes[codes.length - 1]!;
  }

  private async runLoop(next: () => Promise<boolean>, body: Stmt[], io: Io, cond: boolean): Promise<number> {
    let code = 0;
    this.state.loopDepth++;
    try {
      while (await next()) {
        try {
          code = await this.runList(body, io, cond);
        } catch (e) {
          if (!(e instanceof LoopSignal)) throw e;
          if (e.n > 1) {
            e.n--;
            throw e;
          }
          if (e.kind === 'break') break;
        }
        await this.tick(io.signal);
      }
    } finally {
      this.state.loopDepth--;
    }
    return code;
  }

  private async runCase(c: Command & { t: 'case' }, io: Io, cond: boolean): Promise<number> {
    const ex = new Expander(this, io);
    const word = await ex.string(c.word);
    let fall = false;
    let code = 0;
    for (const item of c.items) {
      let hit = fall;
      if (!hit) {
        for (const p of item.patterns) {
          if (matchPattern(word, await ex.pattern(p), this.state.shopt.has('nocasematch'))) {
            hit = true;
            break;
          }
        }
      }
      if (!hit) continue;
      code = await this.runList(item.stmts, io, cond);
      if (item.op === ';;') return code;
      fall = item.op === ';&';
    }
    return code;
  }

  /** resolvePath makes a path absolute against the shell's cwd. */
  abs(p: string): string {
    return absPath(this.state.cwd, p);
  }
}
