import type { Arith } from '../parser/ast.ts';
import { ShellError } from './errors.ts';
import { isName } from './state.ts';

/** ArithEnv lets arithmetic read words and variables. */
export interface ArithEnv {
  /** word expands an operand word to its text. */
  word(w: Arith & { t: 'word' }): Promise<string>;
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  parse(src: string): Promise<Arith | undefined>;
}

const I64 = (n: bigint) => BigInt.asIntN(64, n);

/** parseNumber reads a bash integer constant: decimal, 0x hex, 0 octal or base#digits. */
export function parseNumber(s: string): bigint | undefined {
  const t = s.trim();
  let m = /^([+-]?)(0[xX])([0-9a-fA-F]+)$/.exec(t);
  if (m) return I64(BigInt((m[1] === '-' ? '-' : '') + '0x' + m[3]));
  m = /^([+-]?)0([0-7]+)$/.exec(t);
  if (m) return I64(BigInt((m[1] === '-' ? '-' : '') + '0o' + m[2]));
  m = /^([+-]?)(\d+)#([0-9a-zA-Z@_]+)$/.exec(t);
  if (m) {
    const base = Number(m[2]);
    if (base < 2 || base > 64) return undefined;
    let v = 0n;
    for (const c of m[3]!) {
      let d: number;
      if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
      else if (c >= 'a' && c <= 'z') d = c.charCodeAt(0) - 87;
      else if (c >= 'A' && c <= 'Z') d = base <= 36 ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 29;
      else d = c === '@' ? 62 : 63;
      if (d >= base) return undefined;
      v = v * BigInt(base) + BigInt(d);
    }
    return I64(m[1] === '-' ? -v : v);
  }
  if (/^[+-]?\d+$/.test(t)) return I64(BigInt(t));
  return undefined;
}

/**
 * evalArith evaluates an arithmetic expression with bash's 64-bit integer
 * semantics. Variables holding expressions are evaluated recursively.
 */
export async function evalArith(x: Arith, env: ArithEnv, src = '', depth = 0): Promise<bigint> {
  const ev = (y: Arith) => evalArith(y, env, src, depth);
  switch (x.t) {
    case 'paren':
      return ev(x.x);
    case 'word': {
      const text = (await env.word(x)).trim();
      return valueOf(text, env, src, depth);
    }
    case 'un': {
      if (x.op === '++' || x.op === '--') {
        const name = lvalue(x.x);
        const old = await valueOf(env.get(name) ?? '', env, src, depth);
        const nv = I64(x.op === '++' ? old + 1n : old - 1n);
        env.set(name, String(nv));
        return x.post ? old : nv;
      }
      const v = await ev(x.x);
      if (x.op === '-') return I64(-v);
      if (x.op === '!') return v === 0n ? 1n : 0n;
      if (x.op === '~') return I64(~v);
      return v;
    }
    case 'bin':
      return binary(x, env, src, depth);
  }
}

async function binary(x: Arith & { t: 'bin' }, env: ArithEnv, src: string, depth: number): Promise<bigint> {
  const ev = (y: Arith) => evalArith(y, env, src, depth);
  const op = x.op;
  if (op === '&&') return (await ev(x.x)) !== 0n && (await ev(x.y)) !== 0n ? 1n : 0n;
  if (op === '||') return (await ev(x.x)) !== 0n || (await ev(x.y)) !== 0n ? 1n : 0n;
  if (op === '?') {
    const c = await ev(x.x);
    const alt = x.y.t === 'bin' && x.y.op === ':' ? x.y : undefined;
    if (!alt) return ev(x.y);
    return c !== 0n ? ev(alt.x) : ev(alt.y);
  }
  if (op === ',') {
    await ev(x.x);
    return ev(x.y);
  }
  if (op.endsWith('=') && !['==', '!=', '<=', '>='].includes(op)) {
    const name = lvalue(x.x);
    const rhs = await ev(x.y);
    let v = rhs;
    if (op !== '=') {
      const cur = await valueOf(env.get(name) ?? '', env, src, depth);
      v = apply(op.slice(0, -1), cur, rhs, src, x.y);
    }
    env.set(name, String(v));
    return v;
  }
  const a = await ev(x.x);
  const b = await ev(x.y);
  return apply(op, a, b, src, x.y);
}

function apply(op: string, a: bigint, b: bigint, src: string, rhs: Arith): bigint {
  switch (op) {
    case '+': return I64(a + b);
    case '-': return I64(a - b);
    case '*': return I64(a * b);
    case '/':
    case '%':
      if (b === 0n) throw new ShellError(`${src.trim()}: division by 0 (error token is "${tokenText(rhs)}")`, 1, true);
      return I64(op === '/' ? a / b : a % b);
    case '**':
      if (b < 0n) throw new ShellError(`${src.trim()}: exponent less than 0 (error token is "${tokenText(rhs)}")`, 1, true);
      return I64(a ** b);
    case '<<': return I64(a << (b & 63n));
    case '>>': return I64(a >> (b & 63n));
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '<': return a < b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    default: return 0n;
  }
}

function tokenText(x: Arith): string {
  if (x.t === 'word') return x.w.parts.map((p) => (p.t === 'lit' ? p.v : p.t === 'param' ? p.name : '')).join('');
  if (x.t === 'paren') return '(' + tokenText(x.x);
  return '';
}

function lvalue(x: Arith): string {
  if (x.t === 'word' && x.w.parts.length === 1) {
    const p = x.w.parts[0]!;
    if (p.t === 'lit' && isName(p.v)) return p.v;
    if (p.t === 'param' && p.short) return p.name;
  }
  throw new ShellError('attempted assignment to non-variable', 1, true);
}

async function valueOf(text: string, env: ArithEnv, src: string, depth: number): Promise<bigint> {
  if (text === '') return 0n;
  const n = parseNumber(text);
  if (n !== undefined) return n;
  if (isName(text)) {
    if (depth > 64) throw new ShellError(`${text}: expression recursion level exceeded (error token is "${text}")`, 1, true);
    return valueOf((env.get(text) ?? '').trim(), env, src, depth + 1);
  }
  if (/^\d/.test(text)) {
    const bad = /^0\d*[89]/.test(text) ? 'value too great for base' : 'invalid number';
    throw new ShellError(`${text}: ${bad} (error token is "${text}")`, 1, true);
  }
  const parsed = depth < 64 ? await env.parse(text) : undefined;
  if (!parsed) throw new ShellError(`${text}: syntax error: operand expected (error token is "${text}")`, 1, true);
  return evalArith(parsed, env, text, depth + 1);
}
