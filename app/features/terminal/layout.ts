/**
 * Screen geometry of the edited line: where each character of prompt + line
 * lands on a terminal `cols` wide, and the escape sequences that move the
 * cursor between two such places. Offsets count from the start of the
 * prompt's last line.
 */

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** stripAnsi removes escape sequences (colours in PS1) from text. */
export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** charWidth is the number of cells a code point takes: 2 for East Asian wide and emoji, 0 for combining marks. */
export function charWidth(cp: number): number {
  if (cp === 0 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** Place is a cell on screen, relative to the start of the prompt's last line. */
export interface Place {
  row: number;
  col: number;
}

/**
 * placeAfter computes where the cursor stands after writing `text` from
 * `start`, with the terminal's deferred wrap normalised: a line that ends
 * exactly at the right margin leaves the cursor at column 0 of the next row
 * (the renderer writes CR LF there to make that true).
 */
export function placeAfter(start: Place, text: string, cols: number): Place {
  let { row, col } = start;
  for (const ch of text) {
    if (ch === '\n') {
      row++;
      col = 0;
      continue;
    }
    const w = charWidth(ch.codePointAt(0)!);
    if (w === 0) continue;
    if (col + w > cols) {
      row++;
      col = 0;
    }
    col += w;
    if (col >= cols) {
      row++;
      col = 0;
    }
  }
  return { row, col };
}

/** moveBetween returns the escape sequence that moves the cursor from a to b. */
export function moveBetween(a: Place, b: Place): string {
  let s = '';
  if (b.row < a.row) s += `\x1b[${a.row - b.row}A`;
  else if (b.row > a.row) s += `\x1b[${b.row - a.row}B`;
  if (b.col !== a.col) {
    if (b.col === 0) s += '\r';
    else if (b.col > a.col) s += `\x1b[${b.col - a.col}C`;
    else s += `\x1b[${a.col - b.col}D`;
  }
  return s;
}

/**
 * paint writes `text` (which may hold newlines) so that each line's tail is
 * erased (old, longer content) and a row filled exactly to the margin
 * continues on the next row. It returns the bytes and where the cursor ends.
 */
export function paint(start: Place, text: string, cols: number): { out: string; end: Place } {
  let out = '';
  let place = start;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) {
      out += '\x1b[K\r\n';
      place = { row: place.row + 1, col: 0 };
    }
    const after = placeAfter(place, line, cols);
    out += line;
    // Writing up to the right margin leaves the cursor pending a wrap; make the wrap happen now.
    if (after.col === 0 && after.row > place.row && line.length > 0) out += '\r\n';
    place = after;
  });
  return { out, end: place };
}
