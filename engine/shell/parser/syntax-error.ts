/**
 * bashSyntaxError turns a mvdan/sh parse error into the message bash prints
 * for the same input: `syntax error near unexpected token `fi'`, or for
 * unterminated constructs `unexpected EOF while looking for matching `)'`.
 */
export function bashSyntaxError(text: string, src: string, offset: number): string {
  let m = /^reached EOF without (?:matching (\S+) with (\S+)|closing quote (\S+))/.exec(text);
  if (m) {
    const want = m[2] ?? m[3] ?? '';
    return `unexpected EOF while looking for matching \`${want === '}' && m[1] === '${' ? '}' : want}'`;
  }
  m = /^"([^"]+)" can only be used/.exec(text) ?? /encountered (\S+)$/.exec(text) ?? /^(\S+) can only (?:immediately follow|be used)/.exec(text);
  if (m) return near(m[1]!);
  m = /^"?([^"\s]+)"? must be followed by/.exec(text);
  if (m) {
    const op = m[1]!;
    const at = src.indexOf(op.replace(/\($/, ''), offset);
    const after = at >= 0 ? at + op.replace(/\($/, '').length : offset;
    if (op.endsWith('(')) return near(tokenAt(src, src.indexOf('(', offset) + 1));
    return near(tokenAt(src, after));
  }
  return near(tokenAt(src, offset));
}

function near(tok: string): string {
  return `syntax error near unexpected token \`${tok}'`;
}

const OPERATORS = [';;&', ';;', ';&', '&&', '||', '|&', '<<<', '<<-', '<<', '>>', '&>>', '&>', '<&', '>&', '<>', '>|', '|', '&', ';', '(', ')', '<', '>'];

/** tokenAt reads the shell token starting at (or after blanks from) offset; the end of input is `newline'. */
export function tokenAt(src: string, offset: number): string {
  let i = offset;
  while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++;
  if (i >= src.length || src[i] === '\n') return 'newline';
  for (const op of OPERATORS) if (src.startsWith(op, i)) return op;
  let j = i;
  while (j < src.length && !/[\s;&|()<>]/.test(src[j]!)) j++;
  return src.slice(i, j);
}
