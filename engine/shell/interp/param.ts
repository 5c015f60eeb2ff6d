import type { ParamExp } from '../parser/ast.ts';
import { ShellError } from './errors.ts';
import { BREAK, type Expander, type Piece } from './expand.ts';
import { replacePattern, stripPrefix, stripSuffix, matchPattern } from '../../tools/coreutils/lib/pattern.ts';
import { shellQuote, ansiC } from './quote.ts';
import { isName, scalarOf, type VarValue } from './state.ts';

/** Lookup is what a parameter names: one value, or a list ("$@", "${a[@]}"). */
interface Lookup {
  values: string[];
  list: boolean;
  /** joined with IFS when quoted: "$*", "${a[*]}" */
  star: boolean;
  set: boolean;
}

function flags(ex: Expander): string {
  const st = ex.env.state;
  let f = '';
  if (st.opts.errexit) f += 'e';
  f += 'h';
  if (st.interactive) f += 'i';
  f += 'mB';
  if (st.opts.nounset) f += 'u';
  if (st.opts.xtrace) f += 'x';
  if (st.interactive) f += 'H';
  return f + (st.interactive ? 's' : '');
}

function listOf(v: VarValue): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x) => x !== undefined);
  return [...v.values()];
}

function keysOf(v: VarValue): string[] {
  if (typeof v === 'string') return ['0'];
  if (Array.isArray(v)) return v.flatMap((x, i) => (x === undefined ? [] : [String(i)]));
  return [...v.keys()];
}

async function lookup(ex: Expander, p: ParamExp, name: string): Promise<Lookup> {
  const st = ex.env.state;
  const one = (s: string | undefined): Lookup => ({ values: s === undefined ? [] : [s], list: false, star: false, set: s !== undefined });
  if (name === '@' || name === '*') return { values: [...st.positional], list: true, star: name === '*', set: st.positional.length > 0 };
  if (name === '#') return one(String(st.positional.length));
  if (name === '?') return one(String(st.status));
  if (name === '$') return one(String(st.pid));
  if (name === '!') return one(st.lastBgPid ? String(st.lastBgPid) : undefined);
  if (name === '-') return one(flags(ex));
  if (name === '0') return one(st.arg0);
  if (/^\d+$/.test(name)) return one(st.positional[Number(name) - 1]);
  const v = st.getVar(name);
  if (p.indexAll) {
    if (!v) return { values: [], list: true, star: p.indexAll === '*', set: false };
    return { values: listOf(v.value), list: true, star: p.indexAll === '*', set: true };
  }
  if (p.index) {
    if (!v) return one(undefined);
    if (v.value instanceof Map) {
      const key = p.index.t === 'word' ? await ex.string(p.index.w) : String(await ex.arith(p.index));
      return one(v.value.get(key));
    }
    let i = Number(await ex.arith(p.index));
    const arr = typeof v.value === 'string' ? [v.value] : v.value;
    if (i < 0) i += arr.length;
    return one(arr[i]);
  }
  if (!v) return one(st.dynamic(name));
  return one(scalarOf(v.value));
}

/** expandParam expands one $x / ${…} into pieces, following bash's rules for each operator. */
export async function expandParam(ex: Expander, p: ParamExp, inDq: boolean): Promise<Piece[]> {
  const st = ex.env.state;
  let name = p.name;
  if (p.names) {
    const names = [...st.vars.keys()].filter((k) => k.startsWith(name)).sort();
    return emit({ values: names, list: true, star: p.names === '*', set: true }, inDq, ex);
  }
  if (p.excl && p.indexAll) {
    const v = st.getVar(name);
    return emit({ values: v ? keysOf(v.value) : [], list: true, star: p.indexAll === '*', set: true }, inDq, ex);
  }
  if (p.excl) {
    const target = (await lookup(ex, { ...p, index: undefined, indexAll: undefined }, name)).values[0] ?? '';
    if (!isName(target) && !/^(\d+|[@*#?$!-])$/.test(target.replace(/\[.*\]$/, ''))) throw new ShellError(`${target}: invalid indirect expansion`, 1, true);
    name = target;
  }
  let r = await lookup(ex, p, name);
  if (p.length) {
    if (p.indexAll || name === '@' || name === '*') return emit({ values: [String(r.values.length)], list: false, star: false, set: true }, inDq, ex);
    if (!r.set && st.opts.nounset) throw new ShellError(`${name}: unbound variable`, 1, true, 127);
    return emit({ values: [String([...(r.values[0] ?? '')].length)], list: false, star: false, set: true }, inDq, ex);
  }
  const op = p.exp?.op;
  if (op && ['-', ':-', '=', ':=', '?', ':?', '+', ':+'].includes(op)) {
    const empty = !r.set || (op.startsWith(':') && (r.list ? r.values.length === 0 || (r.values.length === 1 && r.values[0] === '') : r.values[0] === ''));
    const word = p.exp?.word ?? { parts: [] };
    const alt = async () => (await ex.pieces(word.parts, inDq, 'first')).map((x) => (x === BREAK || x.q ? x : { ...x, split: true }));
    if (op.endsWith('-')) {
      if (empty) return alt();
    } else if (op.endsWith('=')) {
      if (empty) {
        if (!isName(name)) throw new ShellError(`$${name}: cannot assign in this way`, 1, true);
        const value = await ex.string(word);
        st.set(name, value);
        r = { values: [value], list: false, star: false, set: true };
      }
    } else if (op.endsWith('?')) {
      if (empty) {
        const msg = word.parts.length ? await ex.string(word) : op === ':?' && r.set ? 'parameter null or not set' : 'parameter null or not set';
        throw new ShellError(`${name}: ${msg}`, 1, true, 127);
      }
    } else {
      if (empty) return inDq ? [{ s: '', q: true, split: false }] : [];
      return alt();
    }
  } else if (!r.set && st.opts.nounset && !(r.list && (name === '@' || name === '*'))) {
    throw new ShellError(`${name}: unbound variable`, 1, true, 127);
  }
  let values = r.values;
  if (p.slice) values = await slice(ex, p, values, r.list, name);
  if (p.repl) {
    const pat = await ex.pattern(p.repl.orig);
    const rep = p.repl.with ? await ex.string(p.repl.with) : '';
    values = values.map((v) => replacePattern(v, pat, rep, p.repl!.all));
  }
  if (op && ['#', '##', '%', '%%'].includes(op)) {
    const pat = p.exp?.word ? await ex.pattern(p.exp.word) : '';
    values = values.map((v) => (op.startsWith('#') ? stripPrefix(v, pat, op === '##') : stripSuffix(v, pat, op === '%%')));
  }
  if (op && ['^', '^^', ',', ',,'].includes(op)) {
    const pat = p.exp?.word ? await ex.pattern(p.exp.word) : '';
    values = values.map((v) => caseMod(v, op, pat));
  }
  if (op === '@') {
    const t = p.exp?.word ? await ex.string(p.exp.word) : '';
    values = values.map((v) => transform(v, t, name, ex));
  }
  return emit({ ...r, values }, inDq, ex);
}

function caseMod(v: string, op: string, pat: string): string {
  const ok = (c: string) => pat === '' || matchPattern(c, pat);
  const up = op.startsWith('^');
  const conv = (c: string) => (ok(c) ? (up ? c.toUpperCase() : c.toLowerCase()) : c);
  if (op.length === 2) return [...v].map(conv).join('');
  return v === '' ? v : conv(v[0]!) + v.slice(1);
}

function transform(v: string, t: string, name: string, ex: Expander): string {
  switch (t) {
    case 'Q':
      return shellQuote(v) === v ? `'${v}'` : `'${v.replace(/'/g, "'\\''")}'`;
    case 'E':
      return ansiC(v);
    case 'U':
      return v.toUpperCase();
    case 'L':
      return v.toLowerCase();
    case 'u':
      return v.charAt(0).toUpperCase() + v.slice(1);
    case 'A':
      return `${name}='${v.replace(/'/g, "'\\''")}'`;
    case 'a': {
      const rec = ex.env.state.getVar(name);
      return (rec?.value instanceof Map ? 'A' : Array.isArray(rec?.value) ? 'a' : '') + (rec?.exported ? 'x' : '') + (rec?.readonly ? 'r' : '');
    }
    default:
      return v;
  }
}

async function slice(ex: Expander, p: ParamExp, values: string[], list: boolean, name: string): Promise<string[]> {
  const off = Number(await ex.arith(p.slice!.offset));
  const len = p.slice!.length ? Number(await ex.arith(p.slice!.length)) : undefined;
  if (list) {
    let arr = values;
    let o = off;
    if (name === '@' || name === '*') {
      arr = [ex.env.state.arg0, ...values];
    }
    if (o < 0) o = Math.max(0, arr.length + o);
    if (len !== undefined && len < 0) throw new ShellError(`${len}: substring expression < 0`, 1, true);
    return arr.slice(o, len === undefined ? undefined : o + len);
  }
  return values.map((v) => {
    const chars = [...v];
    let o = off < 0 ? chars.length + off : off;
    if (o < 0 || o > chars.length) return '';
    o = Math.min(o, chars.length);
    let end = len === undefined ? chars.length : len < 0 ? chars.length + len : o + len;
    if (end < o) {
      if (len !== undefined && len < 0) throw new ShellError(`${len}: substring expression < 0`, 1, true);
      end = o;
    }
    return chars.slice(o, end).join('');
  });
}

function emit(r: Lookup, inDq: boolean, ex: Expander): Piece[] {
  if (!r.list) return [{ s: r.values[0] ?? '', q: inDq, split: !inDq }];
  if (r.star && inDq) {
    const ifs = ex.env.state.get('IFS') ?? ' \t\n';
    return [{ s: r.values.join(ifs.slice(0, 1)), q: true, split: false }];
  }
  const out: Piece[] = [];
  r.values.forEach((v, i) => {
    if (i > 0) out.push(BREAK);
    out.push({ s: v, q: inDq, split: !inDq });
  });
  return out;
}
