import type { Arith, ParamExp, Word, WordPart } from '../parser/ast.ts';
import { evalArith, type ArithEnv } from './arith.ts';
import { expandBraces } from './braces.ts';
import { ShellError } from './errors.ts';
import { globPaths } from './glob.ts';
import { expandParam } from './param.ts';
import { escapeGlob, hasGlob } from '../../tools/coreutils/lib/pattern.ts';
import { ansiC } from './quote.ts';
import type { ExpandEnv, Io } from './types.ts';

/**
 * Piece is a run of expanded text: q marks quoted text (never split or
 * globbed), split marks the result of an unquoted expansion (split on IFS).
 * BREAK separates the fields of "$@".
 */
export type Piece = { s: string; q: boolean; split: boolean } | typeof BREAK;
export const BREAK = Symbol('field-break');

interface Field {
  text: string;
  pat: string;
  any: boolean;
  glob: boolean;
}

/**
 * Expander performs bash's word expansions for one command: brace, tilde,
 * parameter, command and arithmetic substitution, field splitting,
 * pathname expansion and quote removal.
 */
export class Expander {
  constructor(
    readonly env: ExpandEnv,
    readonly io: Io,
  ) {}

  /** fields expands command words into argv fields. */
  async fields(words: Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) for (const bw of expandBraces(w)) out.push(...(await this.wordFields(bw)));
    return out;
  }

  /** string expands a word without splitting or globbing (assignments, redirect targets, case words). */
  async string(w: Word, opts: { assign?: boolean } = {}): Promise<string> {
    const ps = await this.pieces(w.parts, false, opts.assign ? 'assign' : 'first');
    return ps.map((p) => (p === BREAK ? ' ' : p.s)).join('');
  }

  /** pattern expands a word into a pattern: quoted text is escaped, the rest keeps its wildcards. */
  async pattern(w: Word): Promise<string> {
    const ps = await this.pieces(w.parts, false, 'none');
    return ps.map((p) => (p === BREAK ? ' ' : p.q ? escapeGlob(p.s) : p.s)).join('');
  }

  /** heredoc expands a here-document body (quoted delimiter: kept as written). */
  async heredoc(w: Word, quoted: boolean, stripTabs: boolean): Promise<string> {
    let text: string;
    if (quoted) text = w.parts.map((p) => (p.t === 'lit' ? p.v : '')).join('');
    else {
      const ps = await this.pieces(w.parts, true, 'none', true);
      text = ps.map((p) => (p === BREAK ? ' ' : p.s)).join('');
    }
    return stripTabs ? text.replace(/^\t+/gm, '') : text;
  }

  /** arith evaluates an arithmetic expression. */
  async arith(x: Arith, src = ''): Promise<bigint> {
    return evalArith(x, this.arithEnv(), src);
  }

  arithEnv(): ArithEnv {
    const st = this.env.state;
    return {
      word: (x) => this.string(x.w),
      get: (name) => st.get(name),
      set: (name, value) => st.set(name, value),
      parse: (src) => this.env.parseArith(src),
    };
  }

  private async wordFields(w: Word): Promise<string[]> {
    const ps = await this.pieces(w.parts, false, 'first');
    const ifs = this.env.state.get('IFS') ?? ' \t\n';
    const fields: Field[] = [];
    let cur: Field = { text: '', pat: '', any: false, glob: false };
    const push = () => {
      fields.push(cur);
      cur = { text: '', pat: '', any: false, glob: false };
    };
    for (const p of ps) {
      if (p === BREAK) {
        push();
        continue;
      }
      if (p.q) {
        cur.text += p.s;
        cur.pat += escapeGlob(p.s);
        cur.any = true;
      } else if (!p.split || ifs === '') {
        cur.text += p.s;
        cur.pat += p.s;
        if (p.s !== '') cur.any = true;
        cur.glob = true;
      } else {
        for (const c of p.s) {
          if (ifs.includes(c)) {
            if (c === ' ' || c === '\t' || c === '\n') {
              if (cur.any) push();
            } else push();
          } else {
            cur.text += c;
            cur.pat += c;
            cur.any = true;
            cur.glob = true;
          }
        }
      }
    }
    if (cur.any) push();
    const st = this.env.state;
    const out: string[] = [];
    for (const f of fields) {
      if (f.glob && !st.opts.noglob && hasGlob(f.pat)) {
        const matches = globPaths(this.env.fs, st.cwd, f.pat, { dotglob: st.shopt.has('dotglob'), nocaseglob: st.shopt.has('nocaseglob') });
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
        if (st.shopt.has('nullglob')) continue;
        if (st.shopt.has('failglob')) throw new ShellError(`no match: ${f.text}`, 1, true);
      }
      out.push(f.text);
    }
    return out;
  }

  /**
   * pieces expands word parts. tilde says where a leading ~ expands: at the
   * word start, also after = and : in assignments, or nowhere.
   */
  async pieces(parts: WordPart[], inDq: boolean, tilde: 'first' | 'assign' | 'none', heredoc = false): Promise<Piece[]> {
    const out: Piece[] = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      switch (p.t) {
        case 'lit': {
          let v = p.v;
          if (!inDq && tilde !== 'none' && i === 0 && v.startsWith('~')) {
            const t = this.tilde(v, i === parts.length - 1);
            if (t) {
              out.push({ s: t.home, q: true, split: false });
              v = t.rest;
            }
          }
          if (!inDq && tilde === 'assign') v = v.replace(/:~(?=\/|:|$)/g, () => ':' + (this.env.state.get('HOME') ?? ''));
          if (inDq) out.push({ s: heredoc ? unescapeHeredoc(v) : unescapeDq(v), q: true, split: false });
          else pushUnquotedLit(out, v);
          break;
        }
        case 'sq':
          out.push({ s: p.dollar ? ansiC(p.v) : p.v, q: true, split: false });
          break;
        case 'dq': {
          const atOnly = p.parts.some((x) => x.t === 'param' && isAllElements(x));
          if (!atOnly) out.push({ s: '', q: true, split: false });
          out.push(...(await this.pieces(p.parts, true, 'none')));
          break;
        }
        case 'param':
          out.push(...(await expandParam(this, p, inDq)));
          break;
        case 'cmdsubst': {
          const text = (await this.env.commandSubst(p.stmts, this.io)).replace(/\n+$/, '');
          out.push({ s: text, q: inDq, split: !inDq });
          break;
        }
        case 'arith': {
          const v = await this.arith(p.x, p.src);
          out.push({ s: String(v), q: inDq, split: !inDq });
          break;
        }
        case 'procsubst':
          out.push({ s: await this.env.processSubst(p.stmts, p.out, this.io), q: true, split: false });
          break;
        case 'extglob':
          out.push({ s: `${p.op}${p.pattern})`, q: false, split: false });
          break;
        case 'brace':
          out.push({ s: '{' + p.elems.map(() => '').join(',') + '}', q: false, split: false });
          break;
      }
    }
    return out;
  }

  private tilde(v: string, lastPart: boolean): { home: string; rest: string } | undefined {
    let stop = v.indexOf('/');
    if (stop < 0) {
      if (!lastPart) return undefined;
      stop = v.length;
    }
    const name = v.slice(1, stop);
    const st = this.env.state;
    let home: string | undefined;
    if (name === '') home = st.get('HOME') ?? this.env.homeOf('') ?? '';
    else if (name === '+') home = st.get('PWD');
    else if (name === '-') home = st.get('OLDPWD');
    else if (/^[a-z_][a-z0-9_.-]*$/i.test(name)) home = this.env.homeOf(name);
    if (home === undefined) return undefined;
    return { home, rest: v.slice(stop) };
  }
}

/** isAllElements tells "$@" / "${a[@]}" (which may expand to no field at all). */
function isAllElements(p: ParamExp): boolean {
  return (p.name === '@' && !p.length && !p.exp) || (p.indexAll === '@' && !p.length);
}

/** pushUnquotedLit splits a literal into plain text and backslash-escaped (quoted) characters. */
function pushUnquotedLit(out: Piece[], v: string): void {
  let plain = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\' && i + 1 < v.length) {
      const n = v[++i]!;
      if (n === '\n') continue;
      if (plain) out.push({ s: plain, q: false, split: false });
      plain = '';
      out.push({ s: n, q: true, split: false });
    } else plain += c;
  }
  if (plain) out.push({ s: plain, q: false, split: false });
}

/** unescapeDq applies the backslash rules inside double quotes. */
function unescapeDq(v: string): string {
  return v.replace(/\\([$`"\\\n])/g, (_, c: string) => (c === '\n' ? '' : c));
}

/** unescapeHeredoc applies the backslash rules of an unquoted here-document. */
function unescapeHeredoc(v: string): string {
  return v.replace(/\\([$`\\\n])/g, (_, c: string) => (c === '\n' ? '' : c));
}
