import type { FileSystem, FileStat } from '../../host/types.ts';
import type { TestExpr } from '../parser/ast.ts';
import { parseNumber } from './arith.ts';
import { ShellError } from './errors.ts';
import type { Expander } from './expand.ts';
import { matchPattern } from '../../tools/coreutils/lib/pattern.ts';
import { eregexToJs } from '../../tools/coreutils/lib/regex.ts';

/** FileTestEnv is what file tests need: the user's filesystem view, cwd and identity. */
export interface FileTestEnv {
  fs: FileSystem;
  cwd: string;
  uid: number;
  gids: number[];
  isTty(fd: number): boolean;
}

function st(env: FileTestEnv, path: string, follow = true): FileStat | undefined {
  if (path === '') return undefined;
  const abs = path.startsWith('/') ? path : `${env.cwd === '/' ? '' : env.cwd}/${path}`;
  try {
    return follow ? env.fs.stat(abs) : env.fs.lstat(abs);
  } catch {
    return undefined;
  }
}

function access(env: FileTestEnv, path: string, mode: 4 | 2 | 1): boolean {
  const abs = path.startsWith('/') ? path : `${env.cwd === '/' ? '' : env.cwd}/${path}`;
  if (env.fs.access) return env.fs.access(abs, mode);
  return st(env, path) !== undefined;
}

/** UNARY_FILE_OPS are the unary test operators. */
export const UNARY_OPS = new Set(['-e', '-a', '-f', '-d', '-L', '-h', '-r', '-w', '-x', '-s', '-b', '-c', '-p', '-S', '-k', '-u', '-g', '-O', '-G', '-N', '-t', '-z', '-n']);

/** unaryTest evaluates a unary operator on a word. */
export function unaryTest(op: string, a: string, env: FileTestEnv): boolean {
  switch (op) {
    case '-z': return a === '';
    case '-n': return a !== '';
    case '-e': case '-a': return st(env, a) !== undefined;
    case '-f': return st(env, a)?.type === 'file';
    case '-d': return st(env, a)?.type === 'dir';
    case '-L': case '-h': return st(env, a, false)?.type === 'symlink';
    case '-s': { const s = st(env, a); return !!s && s.size > 0; }
    case '-r': return st(env, a) !== undefined && access(env, a, 4);
    case '-w': return st(env, a) !== undefined && access(env, a, 2);
    case '-x': return st(env, a) !== undefined && access(env, a, 1);
    case '-k': return ((st(env, a)?.mode ?? 0) & 0o1000) !== 0;
    case '-u': return ((st(env, a)?.mode ?? 0) & 0o4000) !== 0;
    case '-g': return ((st(env, a)?.mode ?? 0) & 0o2000) !== 0;
    case '-O': return st(env, a)?.uid === env.uid;
    case '-G': { const s = st(env, a); return !!s && env.gids.includes(s.gid); }
    case '-c': return a === '/dev/null';
    case '-b': case '-p': case '-S': case '-N': return false;
    case '-t': return env.isTty(Number(a));
    default: return false;
  }
}

/** intArg parses a test integer operand, or fails like bash. */
function intArg(s: string, who: string): bigint {
  const n = /^\s*[+-]?\d+\s*$/.test(s) ? BigInt(s.trim()) : undefined;
  if (n === undefined) throw new ShellError(`${who}${s}: integer expression expected`, 2);
  return n;
}

/** binaryTest evaluates string, integer and file comparisons of test and [[ ]]. */
export function binaryTest(op: string, a: string, b: string, env: FileTestEnv, who: string): boolean {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-eq': return intArg(a, who) === intArg(b, who);
    case '-ne': return intArg(a, who) !== intArg(b, who);
    case '-lt': return intArg(a, who) < intArg(b, who);
    case '-le': return intArg(a, who) <= intArg(b, who);
    case '-gt': return intArg(a, who) > intArg(b, who);
    case '-ge': return intArg(a, who) >= intArg(b, who);
    case '-nt': { const x = st(env, a); const y = st(env, b); return !!x && (!y || x.mtime > y.mtime); }
    case '-ot': { const x = st(env, a); const y = st(env, b); return !!y && (!x || x.mtime < y.mtime); }
    case '-ef': { const x = st(env, a); const y = st(env, b); return !!x && !!y && x.ino === y.ino; }
    default: return false;
  }
}

/** evalCond evaluates a [[ ]] expression. */
export async function evalCond(x: TestExpr, ex: Expander, env: FileTestEnv): Promise<boolean> {
  switch (x.t) {
    case 'paren':
      return evalCond(x.x, ex, env);
    case 'word':
      return (await ex.string(x.w)) !== '';
    case 'un': {
      if (x.op === '!') return !(await evalCond(x.x, ex, env));
      const a = x.x.t === 'word' ? await ex.string(x.x.w) : '';
      if (x.op === '-v') return ex.env.state.getVar(a) !== undefined;
      if (x.op === '-o') return false;
      return unaryTest(x.op, a, env);
    }
    case 'bin': {
      if (x.op === '&&') return (await evalCond(x.x, ex, env)) && (await evalCond(x.y, ex, env));
      if (x.op === '||') return (await evalCond(x.x, ex, env)) || (await evalCond(x.y, ex, env));
      const a = x.x.t === 'word' ? await ex.string(x.x.w) : '';
      if (x.op === '==' || x.op === '=' || x.op === '!=') {
        const pat = x.y.t === 'word' ? await ex.pattern(x.y.w) : '';
        const m = matchPattern(a, pat, ex.env.state.shopt.has('nocasematch'));
        return x.op === '!=' ? !m : m;
      }
      if (x.op === '=~') {
        const src = x.y.t === 'word' ? await regexWord(ex, x.y) : '';
        let re: RegExp;
        try {
          re = new RegExp(eregexToJs(src), ex.env.state.shopt.has('nocasematch') ? 'i' : '');
        } catch {
          return false;
        }
        const m = re.exec(a);
        ex.env.state.setValue('BASH_REMATCH', m ? [...m].map((g) => g ?? '') : []);
        return m !== null;
      }
      const b = x.y.t === 'word' ? await ex.string(x.y.w) : '';
      if (['-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(x.op)) {
        const ax = String(await arithOf(ex, a));
        const bx = String(await arithOf(ex, b));
        return binaryTest(x.op, ax, bx, env, '');
      }
      return binaryTest(x.op, a, b, env, '');
    }
  }
}

async function arithOf(ex: Expander, s: string): Promise<bigint> {
  const n = parseNumber(s);
  if (n !== undefined) return n;
  const parsed = await ex.env.parseArith(s);
  return parsed ? ex.arith(parsed, s) : 0n;
}

/** regexWord expands the right side of =~: quoted parts match literally. */
async function regexWord(ex: Expander, y: TestExpr & { t: 'word' }): Promise<string> {
  const ps = await ex.pieces(y.w.parts, false, 'none');
  return ps.map((p) => (typeof p === 'symbol' ? ' ' : p.q ? p.s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&') : p.s)).join('');
}
