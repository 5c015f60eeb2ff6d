/**
 * wrap is what explain's template calls `wrap`: kubectl's word-wrap writer,
 * i.e. go-wordwrap's WrapString. It keeps the text's own line breaks and the
 * spaces that start a line, breaks before a word that would pass the limit and
 * never splits a word. Widths count runes.
 */
export function wrap(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  const len = (x: string) => [...x].length;
  for (const ch of s) {
    if (ch === '\n') {
      if (word === '') {
        if (current + len(space) > lim) current = 0;
        else buf += space;
        space = '';
      } else {
        buf += space + word;
        space = '';
        word = '';
      }
      buf += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space === '' || word !== '') {
        current += len(space) + len(word);
        buf += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      if (current + len(space) + len(word) > lim && len(word) < lim) {
        buf += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + len(space) <= lim) buf += space;
  } else buf += space + word;
  return buf;
}

/** indent is sprig's `indent`: pad the first line and every line after a newline. */
export function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return pad + text.replaceAll('\n', `\n${pad}`);
}
