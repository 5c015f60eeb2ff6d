import { sortedKeys, type Value } from './values.ts';

/**
 * JSON text as jq 1.6 prints it: numbers through dtoa's shortest digits with
 * exponents when the decimal point is far away (1e+17, 1e-05), strings with
 * only control characters, quote, backslash and DEL escaped, pretty printing
 * with a configurable indent, and the colours of `jq -C`.
 */

/** formatNumber prints a double the way jq 1.6's jvp_dtoa_fmt does. */
export function formatNumber(d: number): string {
  if (Number.isNaN(d)) return 'null';
  if (d > Number.MAX_VALUE) d = Number.MAX_VALUE;
  if (d < -Number.MAX_VALUE) d = -Number.MAX_VALUE;
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const sign = d < 0 ? '-' : '';
  // toExponential() without digits gives the shortest digits that round-trip.
  const [mant, expPart] = Math.abs(d).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const decpt = Number(expPart) + 1;
  if (decpt <= -4 || decpt > digits.length + 15) {
    const e = decpt - 1;
    const ae = Math.abs(e);
    return `${sign}${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}e${e < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length);
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

const ESC: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** quoteString is a JSON string literal as jq writes it (ascii: -a, non-ASCII as \uXXXX). */
export function quoteString(s: string, ascii = false): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const c = s.charCodeAt(i);
    const e = ESC[ch];
    if (e) out += e;
    else if (c < 0x20 || c === 0x7f || (ascii && c > 0x7e)) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

export interface DumpOptions {
  /** indent per level; 0 prints compactly */
  indent: number;
  tab?: boolean;
  sortKeys?: boolean;
  color?: boolean;
  ascii?: boolean;
}

const COL = (c: string): string => `\x1b[${c}m`;
const RESET = COL('0');
const FIELD = COL('34;1');
const COLORS = { null: COL('1;30'), false: COL('0;39'), true: COL('0;39'), number: COL('0;39'), string: COL('0;32'), array: COL('1;39'), object: COL('1;39') };

function colorOf(v: Value): string {
  if (v === null) return COLORS.null;
  if (v === true) return COLORS.true;
  if (v === false) return COLORS.false;
  if (typeof v === 'number') return COLORS.number;
  if (typeof v === 'string') return COLORS.string;
  return Array.isArray(v) ? COLORS.array : COLORS.object;
}

/** dump renders a value as jq's output (compact when indent is 0 and not tab). */
export function dump(v: Value, o: DumpOptions): string {
  const parts: string[] = [];
  const pretty = o.tab || o.indent > 0;
  const pad = (level: number): string => (o.tab ? '\t'.repeat(level) : ' '.repeat(level * o.indent));
  const walk = (x: Value, level: number): void => {
    const color = o.color ? colorOf(x) : '';
    parts.push(color);
    if (x === null) parts.push('null');
    else if (typeof x === 'boolean') parts.push(String(x));
    else if (typeof x === 'number') parts.push(formatNumber(x));
    else if (typeof x === 'string') parts.push(quoteString(x, o.ascii));
    else if (Array.isArray(x)) {
      if (x.length === 0) parts.push('[]');
      else {
        parts.push('[');
        if (pretty) parts.push('\n' + pad(level + 1));
        x.forEach((el, i) => {
          if (i > 0) parts.push(pretty ? ',\n' + pad(level + 1) : ',');
          walk(el, level + 1);
          parts.push(color);
        });
        if (pretty) parts.push('\n' + pad(level));
        parts.push(color + ']');
      }
    } else {
      if (x.size === 0) parts.push('{}');
      else {
        parts.push('{');
        if (pretty) parts.push('\n' + pad(level + 1));
        const keys = o.sortKeys ? sortedKeys(x) : [...x.keys()];
        keys.forEach((k, i) => {
          if (i > 0) parts.push(pretty ? ',\n' + pad(level + 1) : ',');
          if (o.color) parts.push(RESET + FIELD);
          parts.push(quoteString(k, o.ascii));
          if (o.color) parts.push(RESET + color);
          parts.push(pretty ? ': ' : ':');
          if (o.color) parts.push(RESET);
          walk(x.get(k)!, level + 1);
          parts.push(color);
        });
        if (pretty) parts.push('\n' + pad(level));
        parts.push(color + '}');
      }
    }
    if (o.color) parts.push(RESET);
  };
  walk(v, 0);
  return parts.join('');
}

/** toJSON is the compact text of tojson, tostring and error messages. */
export function toJSON(v: Value): string {
  return dump(v, { indent: 0 });
}

/** truncDump is a value as jq 1.6 quotes it in error messages: at most 14 bytes, ending in "..." when cut. */
export function truncDump(v: Value, bufsize = 15): string {
  const text = toJSON(v);
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= bufsize - 1) return text;
  const kept = bytes.slice(0, bufsize - 4);
  return new TextDecoder().decode(kept).replace(/\uFFFD$/, '') + '...';
}
