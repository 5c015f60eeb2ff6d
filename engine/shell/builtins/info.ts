import { dispatch } from '../interp/call.ts';
import { Expander } from '../interp/expand.ts';
import { resolveCommand } from '../interp/lookup.ts';
import { singleQuote } from '../interp/quote.ts';
import { fail, out, type Builtin, type BuiltinCtx } from './types.ts';

/** KEYWORDS are bash's reserved words (type reports them). */
export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

type Kind = { kind: 'alias'; value: string } | { kind: 'keyword' } | { kind: 'function'; src: string } | { kind: 'builtin' } | { kind: 'file'; path: string };

async function kinds(c: BuiltinCtx, name: string, all: boolean, builtins: ReadonlySet<string>): Promise<Kind[]> {
  const st = c.sh.state;
  const found: Kind[] = [];
  if (st.aliases.has(name)) found.push({ kind: 'alias', value: st.aliases.get(name)! });
  if (KEYWORDS.has(name)) found.push({ kind: 'keyword' });
  const fn = st.functions.get(name);
  if (fn) found.push({ kind: 'function', src: fn.src });
  if (builtins.has(name)) found.push({ kind: 'builtin' });
  if (all) {
    for (const dir of (st.get('PATH') ?? '').split(':')) {
      const p = `${dir || '.'}/${name}`;
      try {
        const s = c.sh.fs.stat(c.sh.abs(p));
        if (s.type === 'file' && (s.mode & 0o111) !== 0) found.push({ kind: 'file', path: p });
      } catch {
        // not here
      }
    }
  } else if (found.length === 0 || !found.some((k) => k.kind !== 'file')) {
    const r = resolveCommand(c.sh, name);
    if (r.kind === 'program' || r.kind === 'script') found.push({ kind: 'file', path: r.path });
  }
  return all ? found : found.slice(0, 1);
}

function describe(name: string, k: Kind): string {
  switch (k.kind) {
    case 'alias':
      return `${name} is aliased to \`${k.value}'`;
    case 'keyword':
      return `${name} is a shell keyword`;
    case 'function':
      return `${name} is a function\n${name} () \n${k.src}`;
    case 'builtin':
      return `${name} is a shell builtin`;
    case 'file':
      return `${name} is ${k.path}`;
  }
}

/** makeType builds `type` over the builtin table (passed in to avoid an import cycle). */
export function makeType(builtins: ReadonlySet<string>): Builtin {
  return async (c) => {
    let all = false;
    let tOnly = false;
    let pOnly = false;
    const names: string[] = [];
    for (const a of c.argv.slice(1)) {
      if (/^-[atpPf]+$/.test(a)) {
        if (a.includes('a')) all = true;
        if (a.includes('t')) tOnly = true;
        if (a.includes('p') || a.includes('P')) pOnly = true;
      } else names.push(a);
    }
    let code = 0;
    for (const n of names) {
      const ks = await kinds(c, n, all, builtins);
      if (ks.length === 0) {
        if (!tOnly && !pOnly) fail(c, `${n}: not found`);
        code = 1;
        continue;
      }
      for (const k of ks) {
        if (tOnly) out(c, k.kind + '\n');
        else if (pOnly) {
          if (k.kind === 'file') out(c, k.path + '\n');
        } else out(c, describe(n, k) + '\n');
      }
    }
    return code;
  };
}

/** makeCommand builds `command` (run without functions, or -v/-V to describe). */
export function makeCommand(builtins: ReadonlySet<string>): Builtin {
  return async (c) => {
    let args = c.argv.slice(1);
    let mode: '' | 'v' | 'V' = '';
    while (args[0] && /^-[pvV]+$/.test(args[0])) {
      if (args[0].includes('v')) mode = 'v';
      if (args[0].includes('V')) mode = 'V';
      args = args.slice(1);
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length === 0) return 0;
    if (mode) {
      let code = 0;
      for (const n of args) {
        const ks = await kinds(c, n, false, builtins);
        const k = ks[0];
        if (!k) {
          if (mode === 'V') fail(c, `${n}: not found`);
          code = 1;
          continue;
        }
        if (mode === 'V') out(c, describe(n, k) + '\n');
        else out(c, (k.kind === 'file' ? k.path : k.kind === 'alias' ? `alias ${n}=${singleQuote(k.value)}` : n) + '\n');
      }
      return code;
    }
    return dispatch(c.sh, args, [], c.io, new Expander(c.sh, c.io), { noFunctions: true });
  };
}

/** builtin runs a shell builtin even when a function of the same name exists. */
export const builtinCmd: Builtin = (c) => {
  const args = c.argv.slice(1);
  if (args.length === 0) return 0;
  return dispatch(c.sh, args, [], c.io, new Expander(c.sh, c.io), { noFunctions: true, onlyBuiltin: true });
};

/** hash manages the command cache (commands are always looked up, so it only reports). */
export const hash: Builtin = (c) => {
  const args = c.argv.slice(1);
  if (args.length === 0) {
    out(c, 'hash: hash table empty\n');
    return 0;
  }
  let code = 0;
  for (const a of args) {
    if (a.startsWith('-')) continue;
    if (resolveCommand(c.sh, a).kind === 'error') code = fail(c, `${a}: not found`);
  }
  return code;
};

/** history prints (or clears) the command history, numbered like bash. */
export const history: Builtin = (c) => {
  const st = c.sh.state;
  const args = c.argv.slice(1);
  if (args[0] === '-c') {
    st.history.length = 0;
    return 0;
  }
  if (args[0] === '-d') {
    const n = Number(args[1]);
    if (!Number.isInteger(n) || n < 1 || n > st.history.length) return fail(c, `${args[1]}: history position out of range`);
    st.history.splice(n - 1, 1);
    return 0;
  }
  let start = 0;
  if (args[0] !== undefined) {
    const n = Number(args[0]);
    if (!Number.isInteger(n) || n < 0) return fail(c, `${args[0]}: numeric argument required`);
    start = Math.max(0, st.history.length - n);
  }
  let text = '';
  for (let i = start; i < st.history.length; i++) text += `${String(i + 1).padStart(5)}  ${st.history[i]}\n`;
  out(c, text);
  return 0;
};

/** complete/compgen/compopt keep completion specs; the terminal does its own completion. */
export const complete: Builtin = (c) => {
  const args = c.argv.slice(1);
  if (c.name === 'compgen') {
    const w = args.indexOf('-W');
    if (w >= 0) {
      const words = (args[w + 1] ?? '').split(/\s+/).filter((x) => x);
      const dd = args.indexOf('--');
      const prefix = dd >= 0 ? (args[dd + 1] ?? '') : '';
      const hits = words.filter((x) => x.startsWith(prefix));
      if (hits.length) out(c, hits.join('\n') + '\n');
      return hits.length ? 0 : 1;
    }
    return 1;
  }
  if (c.name === 'complete' && (args.length === 0 || args[0] === '-p')) {
    const names = args.slice(1);
    let code = 0;
    for (const n of names.length ? names : [...c.sh.state.completions.keys()]) {
      const spec = c.sh.state.completions.get(n);
      if (spec === undefined) code = fail(c, `${n}: no completion specification`);
      else out(c, `complete ${spec} ${n}\n`);
    }
    return code;
  }
  if (c.name === 'complete') {
    const name = args[args.length - 1];
    if (name && !name.startsWith('-')) c.sh.state.completions.set(name, args.slice(0, -1).join(' '));
  }
  return 0;
};

/** times, ulimit and friends answer with what an idle machine shows. */
export const times: Builtin = (c) => {
  out(c, '0m0.010s 0m0.005s\n0m0.120s 0m0.060s\n');
  return 0;
};

/** ulimit reports unlimited resources. */
export const ulimit: Builtin = (c) => {
  const a = c.argv[1];
  out(c, a === '-n' ? '1024\n' : a === '-a' ? 'core file size              (blocks, -c) 0\nopen files                          (-n) 1024\nmax user processes                  (-u) 15451\n' : 'unlimited\n');
  return 0;
};

/** help lists builtins briefly. */
export const help: Builtin = (c) => {
  out(c, 'GNU bash, version 5.1.16(1)-release (x86_64-pc-linux-gnu)\nThese shell commands are defined internally.  Type `help\' to see this list.\n');
  return 0;
};
