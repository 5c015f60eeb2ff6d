/** Quoting helpers: ANSI-C $'…' strings, and quoting values the way bash prints them. */

/** ansiC decodes the escapes of a $'…' string. */
export function ansiC(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i === s.length - 1) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    if (n in simple) out += simple[n];
    else if (n >= '0' && n <= '7') {
      let j = i;
      let v = '';
      while (j < s.length && v.length < 3 && s[j]! >= '0' && s[j]! <= '7') v += s[j++];
      out += String.fromCharCode(parseInt(v, 8) & 0xff);
      i = j - 1;
    } else if (n === 'x' || n === 'u' || n === 'U') {
      const max = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      let j = i + 1;
      let v = '';
      while (j < s.length && v.length < max && /[0-9a-fA-F]/.test(s[j]!)) v += s[j++];
      if (v === '') out += '\\' + n;
      else out += String.fromCodePoint(parseInt(v, 16));
      i = j - 1;
    } else if (n === 'c' && i + 1 < s.length) {
      out += String.fromCharCode(s.charCodeAt(++i) & 0x1f);
    } else out += '\\' + n;
  }
  return out;
}

/** shellQuote quotes a value for reuse as input, as `printf %q` and `${x@Q}` style output. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  if (/[\x00-\x1f\x7f]/.test(s)) {
    return "$'" + s.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\x1b/g, '\\E').replace(/[\x00-\x1f\x7f]/g, (c) => '\\' + c.charCodeAt(0).toString(8).padStart(3, '0')) + "'";
  }
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, '\\$&');
}

/** singleQuote wraps a value in single quotes (declare -p, alias, set -x). */
export function singleQuote(s: string): string {
  return "'" + s.replace(/'/g, "'\\''") + "'";
}

/** xtraceQuote quotes a word as `set -x` shows it. */
export function xtraceQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./~^-]+$/.test(s) && !/[*?[]/.test(s)) return s;
  return singleQuote(s);
}
