import { formatPrintf } from '../lib/printf.ts';

/** StrNum is input-derived text (fields, getline, -v): it compares as a number when it looks like one. */
export class StrNum {
  constructor(readonly s: string) {}
}

/** Value is an awk scalar. */
export type Value = number | string | StrNum;

const NUMERIC = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|0[xX][0-9a-fA-F]+)\s*$/;

/** toNum converts like strtod: the longest numeric prefix, else 0. */
export function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  const s = typeof v === 'string' ? v : v.s;
  const m = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/.exec(s);
  return m ? Number(m[0]) : 0;
}

/** fmtNum renders a number as CONVFMT/OFMT does (integers exactly). */
export function fmtNum(n: number, fmt = '%.6g'): string {
  if (Number.isInteger(n) && Math.abs(n) < 9.2e18) return BigInt(n).toString();
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return formatPrintf(fmt, [String(n)], 'coreutils').out;
}

/** toStr converts a value to a string. */
export function toStr(v: Value, fmt?: string): string {
  if (typeof v === 'number') return fmtNum(v, fmt);
  return typeof v === 'string' ? v : v.s;
}

/** isNumeric tells whether a value compares numerically. */
export function isNumeric(v: Value): boolean {
  return typeof v === 'number' || (v instanceof StrNum && NUMERIC.test(v.s));
}

/** toBool is awk truth: non-zero numbers, non-empty strings. */
export function toBool(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v instanceof StrNum) return NUMERIC.test(v.s) ? toNum(v) !== 0 : v.s !== '';
  return v !== '';
}

/** compare applies awk's comparison rules. */
export function compare(a: Value, b: Value): number {
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toStr(a);
  const y = toStr(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
