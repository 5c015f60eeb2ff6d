import type { Assign } from '../parser/ast.ts';
import { declareLine, runDecl } from '../interp/assign.ts';
import { ShellError } from '../interp/errors.ts';
import { isName, type ShellOptions } from '../interp/state.ts';
import { singleQuote } from '../interp/quote.ts';
import { fail, out, type Builtin } from './types.ts';

/** declBuiltin runs declare/export/local/readonly/typeset reached as plain commands (command export, eval…). */
export const declBuiltin: Builtin = (c) => {
  const args: Assign[] = c.argv.slice(1).map((w) => ({ name: '', append: false, naked: true, value: { parts: [{ t: 'sq', v: w, dollar: false }] } }));
  return runDecl(c.sh, { t: 'decl', variant: c.name, args }, c.io);
};

/** unset removes variables (-v, default) or functions (-f). */
export const unset: Builtin = (c) => {
  let funcs = false;
  let code = 0;
  for (const a of c.argv.slice(1)) {
    if (a === '-f') funcs = true;
    else if (a === '-v') funcs = false;
    else if (funcs) c.sh.state.functions.delete(a);
    else {
      const m = /^([A-Za-z_]\w*)\[(.*)\]$/.exec(a);
      if (m) {
        const v = c.sh.state.getVar(m[1]!);
        if (v && Array.isArray(v.value)) delete v.value[Number(m[2])];
        else if (v && v.value instanceof Map) v.value.delete(m[2]!);
        continue;
      }
      if (!isName(a)) {
        code = fail(c, `\`${a}': not a valid identifier`);
        continue;
      }
      try {
        if (c.sh.state.getVar(a)) c.sh.state.unset(a);
        else if (c.sh.state.functions.has(a)) c.sh.state.functions.delete(a);
      } catch (e) {
        if (!(e instanceof ShellError)) throw e;
        code = fail(c, e.message);
      }
    }
  }
  return code;
};

const LONG_OPTS: Record<string, keyof ShellOptions> = { errexit: 'errexit', xtrace: 'xtrace', pipefail: 'pipefail', nounset: 'nounset', noglob: 'noglob', noclobber: 'noclobber', allexport: 'allexport' };
const SHORT_OPTS: Record<string, keyof ShellOptions> = { e: 'errexit', x: 'xtrace', u: 'nounset', f: 'noglob', C: 'noclobber', a: 'allexport' };
const ALL_OPTS = ['allexport', 'braceexpand', 'emacs', 'errexit', 'errtrace', 'functrace', 'hashall', 'histexpand', 'history', 'ignoreeof', 'interactive-comments', 'keyword', 'monitor', 'noclobber', 'noexec', 'noglob', 'nolog', 'notify', 'nounset', 'onecmd', 'physical', 'pipefail', 'posix', 'privileged', 'verbose', 'vi', 'xtrace'];
const DEFAULT_ON = new Set(['braceexpand', 'emacs', 'hashall', 'histexpand', 'history', 'interactive-comments', 'monitor']);

/** set changes options (-e, -o pipefail…), sets positional parameters, or lists variables. */
export const set: Builtin = (c) => {
  const st = c.sh.state;
  const args = c.argv.slice(1);
  if (args.length === 0) {
    const lines = [...st.vars.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => (typeof v.value === 'string' ? `${k}=${/^[\w./:-]*$/.test(v.value) ? v.value : singleQuote(v.value)}` : declareLine(k, v).replace(/^declare -\S+ /, '')));
    out(c, lines.join('\n') + (lines.length ? '\n' : ''));
    for (const [n, f] of st.functions) out(c, `${n} () \n${f.src}\n`);
    return 0;
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      st.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const name = args[++i];
      if (name === undefined) {
        for (const o of ALL_OPTS) {
          const on = LONG_OPTS[o] ? st.opts[LONG_OPTS[o]!] : DEFAULT_ON.has(o) && (o !== 'monitor' && o !== 'history' && o !== 'histexpand' ? true : st.interactive);
          out(c, a === '-o' ? `${o.padEnd(15)}\t${on ? 'on' : 'off'}\n` : `set ${on ? '-' : '+'}o ${o}\n`);
        }
        continue;
      }
      const key = LONG_OPTS[name];
      if (key) st.opts[key] = a === '-o';
      else if (!ALL_OPTS.includes(name)) return fail(c, `${name}: invalid option name`, 2);
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        const key = SHORT_OPTS[f];
        if (key) st.opts[key] = a[0] === '-';
        else if (!'hmBHvnbkPTE'.includes(f)) return fail(c, `${a[0]}${f}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]`, 2);
      }
      continue;
    }
    st.positional = args.slice(i);
    return 0;
  }
  return 0;
};

/** shopt sets (-s), unsets (-u), queries (-q) or prints shell options. */
export const shopt: Builtin = (c) => {
  const st = c.sh.state;
  let mode: 's' | 'u' | 'p' | 'q' | '' = '';
  const names: string[] = [];
  for (const a of c.argv.slice(1)) {
    if (/^-[supqo]+$/.test(a)) mode = a.includes('s') ? 's' : a.includes('u') ? 'u' : a.includes('q') ? 'q' : 'p';
    else names.push(a);
  }
  if (mode === 's' || mode === 'u') {
    for (const n of names) mode === 's' ? st.shopt.add(n) : st.shopt.delete(n);
    return 0;
  }
  if (mode === 'q') return names.every((n) => st.shopt.has(n)) ? 0 : 1;
  const list = names.length ? names : [...st.shopt].sort();
  for (const n of list) out(c, mode === 'p' ? `shopt ${st.shopt.has(n) ? '-s' : '-u'} ${n}\n` : `${n.padEnd(15)}\t${st.shopt.has(n) ? 'on' : 'off'}\n`);
  return 0;
};

/** shift drops positional parameters. */
export const shift: Builtin = (c) => {
  const st = c.sh.state;
  const a = c.argv[1];
  const n = a === undefined ? 1 : Number(a);
  if (!Number.isInteger(n) || n < 0) return fail(c, `${a}: numeric argument required`);
  if (n > st.positional.length) return 1;
  st.positional = st.positional.slice(n);
  return 0;
};

/** umask prints or sets the file creation mask. */
export const umask: Builtin = (c) => {
  const st = c.sh.state;
  const args = c.argv.slice(1);
  if (args[0] === '-S') {
    const p = (bits: number) => ['r', 'w', 'x'].filter((_, i) => !(bits & (4 >> i))).join('');
    out(c, `u=${p((st.umask >> 6) & 7)},g=${p((st.umask >> 3) & 7)},o=${p(st.umask & 7)}\n`);
    return 0;
  }
  if (args.length === 0) {
    out(c, st.umask.toString(8).padStart(4, '0') + '\n');
    return 0;
  }
  if (!/^[0-7]{1,4}$/.test(args[0]!)) return fail(c, `${args[0]}: octal number out of range`);
  st.umask = parseInt(args[0]!, 8);
  return 0;
};
