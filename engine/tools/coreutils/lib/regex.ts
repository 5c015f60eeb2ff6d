/**
 * POSIX regular expressions (basic and extended, with the GNU extensions
 * grep and sed accept) translated to JavaScript RegExp source.
 */

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

/** RegexError carries the message GNU tools print for a bad expression. */
export class RegexError extends Error {}

function bracket(src: string, start: number): { re: string; end: number } {
  let i = start + 1;
  let out = '[';
  if (src[i] === '^') {
    out += '^';
    i++;
  }
  let first = true;
  for (; i < src.length; i++) {
    const c = src[i]!;
    if (c === ']' && !first) return { re: out + ']', end: i };
    first = false;
    if (c === '[' && (src[i + 1] === ':' || src[i + 1] === '.' || src[i + 1] === '=')) {
      const kind = src[i + 1]!;
      const close = src.indexOf(kind + ']', i + 2);
      if (close < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = src.slice(i + 2, close);
      if (kind === ':') {
        if (!(name in CLASSES)) throw new RegexError('Invalid character class name');
        out += CLASSES[name];
      } else out += name.replace(/[\\\]^-]/g, '\\$&');
      i = close + 1;
      continue;
    }
    if (c === '\\' || c === '[' || (c === '^' && out.length > 1)) out += '\\' + c;
    else if (c === ']') out += '\\]';
    else out += c;
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=');
}

/**
 * posixToJs converts a POSIX regex to JS source. ere selects extended
 * syntax (grep -E, sed -E, awk, [[ =~ ]]); otherwise basic (grep, sed).
 */
export function posixToJs(src: string, ere: boolean): string {
  let out = '';
  let depth = 0;
  const atStart = () => out === '' || out.endsWith('(') || out.endsWith('|') || out === '^' || out.endsWith('(?:');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '[') {
      const b = bracket(src, i);
      out += b.re;
      i = b.end;
      continue;
    }
    if (c === '\\') {
      const n = src[++i];
      if (n === undefined) throw new RegexError('Trailing backslash');
      if (!ere && '(){}|+?'.includes(n)) {
        if (n === '(') depth++;
        if (n === ')') {
          if (depth === 0) throw new RegexError('Unmatched ) or \\)');
          depth--;
        }
        out += n;
        continue;
      }
      if (n === '<' || n === '>') out += '\\b';
      else if (n === '`') out += '^';
      else if (n === "'") out += '$';
      else if ('wWsSbB'.includes(n) || /\d/.test(n)) out += '\\' + n;
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else out += /[A-Za-z0-9]/.test(n) ? n : '\\' + n;
      continue;
    }
    if (ere) {
      if (c === '(') {
        depth++;
        out += src[i + 1] === ')' ? '(?:' : '(';
        continue;
      }
      if (c === ')') {
        if (depth === 0) {
          out += '\\)';
          continue;
        }
        depth--;
      }
      if (c === '{' && !/^\{\d*(,\d*)?\}/.test(src.slice(i))) {
        out += '\\{';
        continue;
      }
      if ((c === '*' || c === '+' || c === '?') && atStart()) {
        out += '\\' + c;
        continue;
      }
      out += c === '/' ? '\\/' : c;
      continue;
    }
    if ('(){}|+?'.includes(c)) out += '\\' + c;
    else if (c === '*' && atStart()) out += '\\*';
    else if (c === '^' && !(out === '' || out.endsWith('('))) out += '\\^';
    else if (c === '$' && !(i === src.length - 1 || src.startsWith('\\)', i + 1) || src.startsWith('\\|', i + 1))) out += '\\$';
    else out += c === '/' ? '\\/' : c;
  }
  if (depth > 0) throw new RegexError('Unmatched ( or \\(');
  return out;
}

/** eregexToJs converts an extended regex, as bash's [[ =~ ]] uses. */
export function eregexToJs(src: string): string {
  return posixToJs(src, true);
}
