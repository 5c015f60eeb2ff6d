/**
 * printf formatting shared by bash's printf builtin and /usr/bin/printf:
 * the format is reused until the arguments run out, escapes in the format,
 * %b arguments, flags, width, precision and * from arguments.
 */

/** PrintfResult is the output plus the problems to report (without the program prefix). */
export interface PrintfResult {
  out: string;
  errors: string[];
  /** stop: \c was met */
  stopped: boolean;
}

/** PrintfDialect selects bash's or coreutils' error texts and extras (%q). */
export type PrintfDialect = 'bash' | 'coreutils';

/** decodeEscape reads one backslash escape at s[i] (after the backslash); returns text and chars consumed. */
function decodeEscape(s: string, i: number, forB: boolean): { text: string; len: number; stop?: boolean } {
  const c = s[i];
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', '"': '"', "'": "'" };
  if (c === undefined) return { text: '\\', len: 0 };
  if (c in map && !(forB && (c === '"' || c === "'"))) return { text: map[c]!, len: 1 };
  if (c === 'c') return { text: '', len: 1, stop: true };
  if (c === '0' && forB) {
    let j = i + 1;
    let v = '';
    while (j < s.length && v.length < 3 && /[0-7]/.test(s[j]!)) v += s[j++];
    return { text: String.fromCharCode(parseInt(v || '0', 8) & 0xff), len: 1 + v.length };
  }
  if (/[0-7]/.test(c) && !forB) {
    let j = i;
    let v = '';
    while (j < s.length && v.length < 3 && /[0-7]/.test(s[j]!)) v += s[j++];
    return { text: String.fromCharCode(parseInt(v, 8) & 0xff), len: v.length };
  }
  if (c === 'x' || c === 'u' || c === 'U') {
    const max = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    let j = i + 1;
    let v = '';
    while (j < s.length && v.length < max && /[0-9a-fA-F]/.test(s[j]!)) v += s[j++];
    if (v === '') return { text: '\\' + c, len: 1 };
    return { text: c === 'x' ? String.fromCharCode(parseInt(v, 16)) : String.fromCodePoint(parseInt(v, 16)), len: 1 + v.length };
  }
  return { text: '\\' + c, len: 1 };
}

/** interpretEscapes expands backslash escapes the way %b (and echo -e) does. */
export function interpretEscapes(s: string, forB = true): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out += s[i];
      continue;
    }
    const e = decodeEscape(s, i + 1, forB);
    if (e.stop) return { text: out, stop: true };
    out += e.text;
    i += e.len;
  }
  return { text: out, stop: false };
}

function numArg(arg: string | undefined, dialect: PrintfDialect, errors: string[]): { n: bigint; f: number } {
  if (arg === undefined || arg === '') return { n: 0n, f: 0 };
  if (/^['"]/.test(arg)) {
    const cp = arg.codePointAt(1) ?? 0;
    return { n: BigInt(cp), f: cp };
  }
  const t = arg.trim();
  const m = /^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(t);
  const fm = /^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity|nan)/i.exec(t);
  const bad = () => errors.push(dialect === 'bash' ? `${arg}: invalid number` : `\u2018${arg}\u2019: expected a numeric value`);
  if (!m && !fm) {
    bad();
    return { n: 0n, f: 0 };
  }
  let n = 0n;
  if (m) {
    const neg = t.startsWith('-');
    const body = m[1]!;
    n = body.startsWith('0x') || body.startsWith('0X') ? BigInt(body) : body.length > 1 && body.startsWith('0') ? BigInt('0o' + body.slice(1)) : BigInt(body);
    if (neg) n = -n;
  }
  const f = fm ? Number(fm[0]) : Number(n);
  const used = Math.max(m?.[0].length ?? 0, fm?.[0].length ?? 0);
  if (used < t.length) {
    if (dialect === 'bash') errors.push(`${arg}: invalid number`);
    else errors.push(`\u2018${arg}\u2019: value not completely converted`);
  }
  return { n, f };
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : '';
    const rest = sign ? s.slice(1) : s;
    const pfx = /^0[xX]/.test(rest) ? rest.slice(0, 2) : '';
    return sign + pfx + '0'.repeat(width - s.length) + rest.slice(pfx.length);
  }
  return ' '.repeat(width - s.length) + s;
}

function fmtFloat(v: number, conv: string, prec: number | undefined, alt: boolean): string {
  const p = prec ?? 6;
  if (!Number.isFinite(v)) {
    const s = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
    return conv === conv.toUpperCase() ? s.toUpperCase() : s;
  }
  let s: string;
  switch (conv.toLowerCase()) {
    case 'f':
      s = v.toFixed(p);
      break;
    case 'e':
      s = v.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
      break;
    default: {
      const P = p === 0 ? 1 : p;
      if (v === 0) {
        s = alt ? (0).toFixed(P - 1) : '0';
        break;
      }
      const exp = Math.floor(Math.log10(Math.abs(Number(v.toPrecision(P)))));
      if (exp < -4 || exp >= P) {
        s = v.toExponential(P - 1).replace(/e([+-])(\d)$/, 'e$10$2');
        if (!alt) s = s.replace(/\.?0+e/, 'e');
      } else {
        s = v.toFixed(Math.max(0, P - 1 - exp));
        if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
      }
    }
  }
  return conv === conv.toUpperCase() ? s.toUpperCase() : s;
}

/** formatPrintf runs a printf format over args. */
export function formatPrintf(format: string, args: string[], dialect: PrintfDialect, quote?: (s: string) => string): PrintfResult {
  const errors: string[] = [];
  let out = '';
  let ai = 0;
  const next = () => args[ai++];
  for (;;) {
    const startAi = ai;
    let consumed = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i]!;
      if (c === '\\') {
        const e = decodeEscape(format, i + 1, false);
        if (e.stop) return { out, errors, stopped: true };
        out += e.text;
        i += e.len;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0']*)(\*|\d+)?(?:\.(\*|\d*))?(hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcsbq%])/.exec(format.slice(i));
      if (!m) {
        const bad = format[i + 1] ?? '';
        errors.push(bad === '' ? (dialect === 'bash' ? '`%\': missing format character' : '%: missing format character'.replace('%', "'%'")) : dialect === 'bash' ? `\`${bad}': invalid format character` : `'%${bad}': invalid conversion specification`.replace(`'%${bad}'`, `%${bad}`));
        return { out, errors, stopped: true };
      }
      i += m[0].length - 1;
      const flags = m[1]!;
      const conv = m[5]!;
      if (conv === '%') {
        out += '%';
        continue;
      }
      consumed = true;
      let width = 0;
      let left = flags.includes('-');
      if (m[2] === '*') {
        width = Number(numArg(next(), dialect, errors).n);
        if (width < 0) {
          left = true;
          width = -width;
        }
      } else if (m[2]) width = Number(m[2]);
      let prec: number | undefined;
      if (m[3] !== undefined) prec = m[3] === '*' ? Number(numArg(next(), dialect, errors).n) : Number(m[3] || '0');
      const zero = flags.includes('0') && !left;
      const arg = next();
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, width, left, false);
          break;
        case 'q':
          s = quote ? quote(arg ?? '') : arg ?? '';
          out += pad(s, width, left, false);
          break;
        case 'b': {
          const r = interpretEscapes(arg ?? '');
          s = prec !== undefined ? r.text.slice(0, prec) : r.text;
          out += pad(s, width, left, false);
          if (r.stop) return { out, errors, stopped: true };
          break;
        }
        case 'c':
          out += pad((arg ?? '').slice(0, 1), width, left, false);
          break;
        case 'd':
        case 'i': {
          const { n } = numArg(arg, dialect, errors);
          let digits = (n < 0n ? -n : n).toString();
          if (prec !== undefined) digits = digits.padStart(prec, '0');
          s = (n < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + digits;
          out += pad(s, width, left, zero && prec === undefined);
          break;
        }
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          let { n } = numArg(arg, dialect, errors);
          if (n < 0n) n = BigInt.asUintN(64, n);
          let digits = conv === 'o' ? n.toString(8) : conv === 'u' ? n.toString(10) : n.toString(16);
          if (conv === 'X') digits = digits.toUpperCase();
          if (prec !== undefined) digits = digits.padStart(prec, '0');
          if (flags.includes('#') && n !== 0n) digits = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + digits;
          out += pad(digits, width, left, zero && prec === undefined);
          break;
        }
        default: {
          const { f } = numArg(arg, dialect, errors);
          s = fmtFloat(f, conv, prec, flags.includes('#'));
          if (f >= 0 && !s.startsWith('-')) s = (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          out += pad(s, width, left, zero);
        }
      }
    }
    if (!consumed || ai >= args.length || ai === startAi) break;
  }
  return { out, errors, stopped: false };
}
