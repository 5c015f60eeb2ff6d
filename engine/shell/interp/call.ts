import type { Process } from '../../host/process.ts';
import type { Assign, Command, Stmt } from '../parser/ast.ts';
import { parseShell } from '../parser/parse.ts';
import { BUILTINS } from '../builtins/index.ts';
import { assignAll } from './assign.ts';
import { ExitSignal, InterruptedSignal, ReturnSignal, ShellError } from './errors.ts';
import { Expander } from './expand.ts';
import { newShellState } from './init.ts';
import type { Interp } from './interp.ts';
import type { Dialect } from './context.ts';
import { resolveCommand } from './lookup.ts';
import { xtraceQuote } from './quote.ts';
import { applyRedirects } from './redirect.ts';
import type { Io } from './types.ts';
import { hostWork } from '../../base/host-work.ts';

/** runCall runs a simple command: expansion, redirections, assignments, then the command itself. */
export async function runCall(sh: Interp, s: Stmt, c: Command & { t: 'call' }, io: Io, _cond: boolean): Promise<number> {
  const ex = new Expander(sh, io);
  const mark = sh.procFiles.length;
  try {
    sh.lastSubst = undefined;
    const argv = await ex.fields(c.args);
    if (argv.length === 0) {
      await assignAll(sh, c.assigns, ex, {});
      if (s.redirs.length) await applyRedirects(s.redirs, io, ex, sh.redirectHost());
      if (sh.state.opts.xtrace && c.assigns.length) await trace(sh, io, c.assigns, [], ex);
      return sh.lastSubst ?? 0;
    }
    const rio = s.redirs.length ? await applyRedirects(s.redirs, io, ex, sh.redirectHost()) : io;
    if (sh.state.opts.xtrace) await trace(sh, rio, c.assigns, argv, ex);
    sh.state.set('_', argv[argv.length - 1]!);
    return await dispatch(sh, argv, c.assigns, rio, ex);
  } finally {
    if (sh.procFiles.length > mark) await sh.finishProcSubst(mark);
  }
}

async function trace(sh: Interp, io: Io, assigns: Assign[], argv: string[], ex: Expander): Promise<void> {
  const ps4 = sh.state.get('PS4') ?? '+ ';
  const parts: string[] = [];
  for (const a of assigns) if (a.value) parts.push(`${a.name}=${xtraceQuote(await ex.string(a.value, { assign: true }))}`);
  for (const a of argv) parts.push(xtraceQuote(a));
  const lines = assigns.length && argv.length ? [parts.join(' ')] : argv.length ? [parts.join(' ')] : parts;
  for (const l of lines) io.stderr.write(`${ps4}${l}\n`);
}

/** dispatch runs argv as a function, a builtin or a program found on disk. */
export async function dispatch(sh: Interp, argv: string[], assigns: Assign[], io: Io, ex: Expander, opts: { noFunctions?: boolean; onlyBuiltin?: boolean } = {}): Promise<number> {
  const name = argv[0]!;
  const fn = opts.noFunctions ? undefined : sh.state.functions.get(name);
  if (fn) {
    const restore = await tempAssigns(sh, assigns, ex);
    try {
      return await callFunction(sh, name, fn.body, argv, io);
    } finally {
      restore();
    }
  }
  const bi = BUILTINS.get(name);
  if (bi) {
    const restore = await tempAssigns(sh, assigns, ex);
    try {
      return await bi({ sh, io, argv, name });
    } finally {
      restore();
    }
  }
  if (opts.onlyBuiltin) {
    io.stderr.write(`${sh.errPrefix()}builtin: ${name}: not a shell builtin\n`);
    return 1;
  }
  const env = sh.state.exportedEnv();
  for (const a of assigns) env[a.name] = a.value ? await ex.string(a.value, { assign: true }) : '';
  return runExternal(sh, argv, env, io);
}

/** tempAssigns applies `VAR=x cmd` for a builtin or function and returns the undo. */
async function tempAssigns(sh: Interp, assigns: Assign[], ex: Expander): Promise<() => void> {
  if (assigns.length === 0) return () => {};
  const saved = assigns.map((a) => { const v = sh.state.getVar(a.name); return [a.name, v ? { ...v } : undefined] as const; });
  for (const a of assigns) sh.state.setValue(a.name, a.value ? await ex.string(a.value, { assign: true }) : '', { export: true });
  return () => {
    for (const [name, old] of saved) {
      if (old) sh.state.vars.set(name, old);
      else sh.state.vars.delete(name);
    }
  };
}

/** callFunction runs a shell function with its own positional parameters and local scope. */
export async function callFunction(sh: Interp, name: string, body: Stmt, argv: string[], io: Io): Promise<number> {
  const st = sh.state;
  const saved = st.positional;
  st.positional = argv.slice(1);
  st.pushScope();
  st.funcDepth++;
  const fnames = st.getVar('FUNCNAME');
  st.vars.set('FUNCNAME', { value: [name, ...(Array.isArray(fnames?.value) ? fnames.value : [])], exported: false, readonly: false });
  try {
    if (st.funcDepth > 1000) throw new ShellError(`${name}: maximum function nesting level exceeded (1000)`, 1, true);
    return await sh.runStmt(body, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    st.popScope();
    st.funcDepth--;
    st.positional = saved;
    if (fnames) st.vars.set('FUNCNAME', fnames);
    else st.vars.delete('FUNCNAME');
  }
}

/**
 * runExternal finds argv[0] on disk and runs it as a program or a shell
 * script. With replace (the exec builtin) the program takes over the shell's
 * own process, as execve does, instead of running as its child.
 */
export async function runExternal(sh: Interp, argv: string[], env: Record<string, string>, io: Io, replace = false): Promise<number> {
  const found = resolveCommand(sh, argv[0]!);
  if (found.kind === 'error') {
    io.stderr.write(`${sh.errPrefix()}${found.message}\n`);
    return found.code;
  }
  const host = sh.ctx.host;
  const user = sh.ctx.user;
  if (found.kind === 'script') return runScript(sh, found.path, argv, env, io);
  const fs = found.setuid ? host.fs : sh.fs;
  const proc: Process = { argv, env, cwd: sh.state.cwd, hostname: host.name, user, fs, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, signal: io.signal, sys: sh.ctx.sys };
  const own = replace && host.procs.get(sh.state.pid) !== undefined;
  if (own) host.procs.exec(sh.state.pid, argv.join(' '));
  const pid = own ? undefined : host.procs.spawn({ user: user.name, uid: user.uid, command: argv.join(' '), ppid: sh.state.pid, tty: sh.ctx.tty, state: sh.ctx.tty === '?' ? 'S' : 'S+' });
  proc.pid = pid ?? sh.state.pid;
  try {
    return await found.def.program(proc);
  } catch (e) {
    if (e instanceof InterruptedSignal || e instanceof ExitSignal) return e.code;
    io.stderr.write(`${argv[0]}: ${String((e as Error)?.message ?? e)}\n`);
    return 1;
  } finally {
    if (pid !== undefined) host.procs.exit(pid);
  }
}

/** runScript runs a shell script file in a new non-interactive shell. */
export async function runScript(sh: Interp, path: string, argv: string[], env: Record<string, string>, io: Io): Promise<number> {
  let text: string;
  try {
    text = sh.fs.readFile(sh.abs(path));
  } catch (e) {
    io.stderr.write(`${sh.errPrefix()}${path}: ${(e as Error).message}\n`);
    return 126;
  }
  const host = sh.ctx.host;
  const pid = host.procs.spawn({ user: sh.ctx.user.name, uid: sh.ctx.user.uid, command: `/bin/bash ${argv.join(' ')}`, ppid: sh.state.pid, tty: sh.ctx.tty });
  try {
    return await runShellText(sh, text, { name: argv[0]!, args: argv.slice(1), env, pid, io, kind: 'script' });
  } finally {
    host.procs.exit(pid);
  }
}

/** runShellText runs shell source in a fresh non-interactive bash (scripts, bash -c). */
export async function runShellText(sh: Interp, text: string, o: { name: string; args: string[]; env: Record<string, string>; pid: number; io: Io; kind: 'script' | 'command'; dialect?: Dialect }): Promise<number> {
  const { Interp: InterpClass } = await hostWork(import('./interp.ts'));
  const st = newShellState({ env: o.env, cwd: sh.state.cwd, pid: o.pid, ppid: sh.state.pid, uid: sh.ctx.user.uid, hostname: sh.ctx.host.name, runtime: sh.ctx.sys.runtime, interactive: false, login: false });
  st.arg0 = o.name;
  st.positional = o.args;
  const mode = o.kind === 'script' ? { kind: 'script' as const, name: o.name, dialect: o.dialect } : { kind: 'command' as const, name: o.name, dialect: o.dialect };
  const child = new InterpClass(st, sh.ctx, mode);
  const r = await parseShell(text.endsWith('\n') ? text : text + '\n');
  if (r.kind !== 'ok') {
    const prefix = (n: number) => (o.kind === 'command' ? `bash: -c: line ${n}: ` : `${o.name}: line ${n}: `);
    if (r.kind === 'incomplete') {
      o.io.stderr.write(`${prefix(lineOfError(text))}syntax error: unexpected end of file\n`);
      return 2;
    }
    o.io.stderr.write(`${prefix(r.line)}${r.message}\n`);
    if (r.message.startsWith('syntax error near')) o.io.stderr.write(`${prefix(r.line)}\`${text.split('\n')[r.line - 1] ?? ''}'\n`);
    return 2;
  }
  try {
    return await child.runList(r.stmts, o.io);
  } catch (e) {
    return child.settle(e, o.io);
  }
}

function lineOfError(text: string): number {
  return text.replace(/\n$/, '').split('\n').length + 1;
}
