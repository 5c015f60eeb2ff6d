import { runExternal } from '../interp/call.ts';
import { ExitSignal, LoopSignal, ReturnSignal } from '../interp/errors.ts';
import { Expander } from '../interp/expand.ts';
import { parseShell } from '../parser/parse.ts';
import { fail, out, type Builtin } from './types.ts';

function numArg(c: Parameters<Builtin>[0], a: string | undefined, dflt: number): number | undefined {
  if (a === undefined) return dflt;
  if (!/^[+-]?\d+$/.test(a)) return undefined;
  return Number(a) & 0xff;
}

/** exit leaves the shell with a status (default: the last command's). */
export const exit: Builtin = (c) => {
  const code = numArg(c, c.argv[1], c.sh.state.status);
  if (code === undefined) {
    fail(c, `${c.argv[1]}: numeric argument required`);
    throw new ExitSignal(2);
  }
  if (c.argv.length > 2) return fail(c, 'too many arguments');
  throw new ExitSignal(code);
};

/** logout exits a login shell. */
export const logout: Builtin = (c) => {
  if (!c.sh.state.login) return fail(c, 'not login shell: use `exit\'');
  return exit(c);
};

/** return leaves a function or sourced file. */
export const ret: Builtin = (c) => {
  const st = c.sh.state;
  if (st.funcDepth === 0 && st.sourceDepth === 0) return fail(c, "can only `return' from a function or sourced script");
  const code = numArg(c, c.argv[1], st.status);
  if (code === undefined) {
    fail(c, `${c.argv[1]}: numeric argument required`);
    throw new ReturnSignal(2);
  }
  throw new ReturnSignal(code);
};

function loop(kind: 'break' | 'continue'): Builtin {
  return (c) => {
    if (c.sh.state.loopDepth === 0) {
      fail(c, "only meaningful in a `for', `while', or `until' loop");
      return 0;
    }
    const n = c.argv[1] === undefined ? 1 : Number(c.argv[1]);
    if (!Number.isInteger(n) || n < 1) return fail(c, `${c.argv[1]}: loop count out of range`);
    throw new LoopSignal(kind, Math.min(n, c.sh.state.loopDepth));
  };
}

/** brk and cont are break and continue. */
export const brk = loop('break');
export const cont = loop('continue');

/** eval runs its arguments as shell input in the current shell. */
export const evalBuiltin: Builtin = async (c) => {
  const src = c.argv.slice(1).join(' ');
  if (src.trim() === '') return 0;
  const r = await parseShell(src + '\n');
  if (r.kind === 'incomplete') return fail(c, 'line 1: syntax error: unexpected end of file', 2);
  if (r.kind === 'error') return fail(c, `line 1: ${r.message}`, 2);
  return c.sh.runList(r.stmts, c.io);
};

/** exec replaces the shell with a command (without one it does nothing here). */
export const exec: Builtin = async (c) => {
  const args = c.argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
  if (args.length === 0) return 0;
  const code = await runExternal(c.sh, args, c.sh.state.exportedEnv(), c.io, true);
  throw new ExitSignal(code);
};

/** source (.) runs a file in the current shell. */
export const source: Builtin = async (c) => {
  const st = c.sh.state;
  const file = c.argv[1];
  if (file === undefined) {
    fail(c, 'filename argument required');
    c.io.stderr.write(`${c.name}: usage: ${c.name} filename [arguments]\n`);
    return 2;
  }
  let path = file;
  if (!file.includes('/')) {
    const found = pathLookupReadable(c, file);
    path = found ?? file;
  }
  let text: string;
  try {
    const abs = c.sh.abs(path);
    if (c.sh.fs.stat(abs).type === 'dir') return fail(c, `${file}: is a directory`);
    text = c.sh.fs.readFile(abs);
  } catch (e) {
    c.io.stderr.write(`${c.sh.errPrefix()}${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const r = await parseShell(text.endsWith('\n') ? text : text + '\n');
  if (r.kind !== 'ok') {
    c.io.stderr.write(`${file}: line ${text.split('\n').length}: ${r.kind === 'error' ? r.message : 'syntax error: unexpected end of file'}\n`);
    return 2;
  }
  const saved = st.positional;
  if (c.argv.length > 2) st.positional = c.argv.slice(2);
  st.sourceDepth++;
  try {
    return await c.sh.runList(r.stmts, c.io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    st.sourceDepth--;
    if (c.argv.length > 2) st.positional = saved;
  }
};

function pathLookupReadable(c: Parameters<Builtin>[0], name: string): string | undefined {
  const PATH = c.sh.state.get('PATH') ?? '';
  for (const dir of PATH.split(':')) {
    const p = `${dir || '.'}/${name}`;
    try {
      if (c.sh.fs.stat(c.sh.abs(p)).type === 'file') return p;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

/** let evaluates arithmetic expressions; status 1 when the last is zero. */
export const letBuiltin: Builtin = async (c) => {
  if (c.argv.length < 2) return fail(c, 'expression expected');
  let v = 0n;
  const ex = new Expander(c.sh, c.io);
  for (const a of c.argv.slice(1)) {
    const x = await c.sh.parseArith(a);
    if (!x) return fail(c, `${a}: syntax error: operand expected (error token is "${a}")`);
    v = await ex.arith(x, a);
  }
  return v !== 0n ? 0 : 1;
};

/** getopts parses options in scripts (OPTIND, OPTARG). */
export const getopts: Builtin = (c) => {
  const st = c.sh.state;
  const spec = c.argv[1];
  const name = c.argv[2];
  if (spec === undefined || name === undefined) return fail(c, 'usage: getopts optstring name [arg ...]', 2);
  const args = c.argv.length > 3 ? c.argv.slice(3) : st.positional;
  const silent = spec.startsWith(':');
  let ind = Number(st.get('OPTIND') ?? '1');
  const sub = Number(st.get('__OPTSUB') ?? '1');
  const arg = args[ind - 1];
  if (arg === undefined || !arg.startsWith('-') || arg === '-') {
    st.set(name, '?');
    return 1;
  }
  if (arg === '--') {
    st.set('OPTIND', String(ind + 1));
    st.set(name, '?');
    return 1;
  }
  const ch = arg[sub]!;
  const at = spec.indexOf(ch);
  let nextSub = sub + 1;
  const advance = () => {
    ind++;
    nextSub = 1;
  };
  if (at < 0 || ch === ':') {
    if (!silent) c.io.stderr.write(`${c.sh.errPrefix()}illegal option -- ${ch}\n`);
    st.set(name, '?');
    if (silent) st.set('OPTARG', ch);
    if (nextSub >= arg.length) advance();
  } else if (spec[at + 1] === ':') {
    let val = arg.slice(sub + 1);
    advance();
    if (val === '') {
      const nxt = args[ind - 1];
      if (nxt === undefined) {
        if (!silent) c.io.stderr.write(`${c.sh.errPrefix()}option requires an argument -- ${ch}\n`);
        st.set(name, silent ? ':' : '?');
        if (silent) st.set('OPTARG', ch);
        st.set('OPTIND', String(ind));
        return 0;
      }
      val = nxt;
      ind++;
    }
    st.set('OPTARG', val);
    st.set(name, ch);
  } else {
    st.set(name, ch);
    st.vars.delete('OPTARG');
    if (nextSub >= arg.length) advance();
  }
  st.set('OPTIND', String(ind));
  st.set('__OPTSUB', String(nextSub));
  return 0;
};

/** trap records handlers (they are kept and listed; signals are not delivered to scripts). */
export const trap: Builtin = (c) => {
  const st = c.sh.state;
  const args = c.argv.slice(1);
  if (args.length === 0 || args[0] === '-p') {
    for (const [sig, cmd] of st.traps) out(c, `trap -- '${cmd.replace(/'/g, "'\\''")}' ${sig}\n`);
    return 0;
  }
  if (args[0] === '-l') {
    out(c, ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n');
    return 0;
  }
  const [cmd, ...sigs] = args;
  for (const s of sigs) {
    const sig = s.toUpperCase().replace(/^SIG/, '');
    if (cmd === '-' || cmd === '') st.traps.delete(sig);
    else st.traps.set(sig, cmd!);
  }
  return 0;
};
