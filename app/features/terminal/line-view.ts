import { charWidth, moveBetween, paint, placeAfter, stripAnsi, type Place } from './layout.ts';

/**
 * LineView draws the prompt and the line being edited, and knows where the
 * cursor is relative to where the prompt's last line began. Every edit is a
 * redraw from that origin (cheap: one line), except typing at the end of the
 * line, which writes just the character so echo is as immediate as a local
 * terminal's.
 */
export class LineView {
  /** cols is the terminal's width; set it when the terminal resizes. */
  cols: number;
  private origin: Place = { row: 0, col: 0 };
  private cursorAt: Place = { row: 0, col: 0 };
  private promptTail = '';
  private shown = '';

  constructor(
    private readonly write: (s: string) => void,
    cols: number,
  ) {
    this.cols = Math.max(1, cols);
  }

  /**
   * start writes a new prompt where the cursor is (column `col`, which is not
   * 0 when the last output did not end with a newline) and the initial line.
   */
  start(prompt: string, col: number, text = '', cursor = text.length): void {
    let out = '';
    let startCol = col;
    if (startCol >= this.cols) {
      out += '\r\n';
      startCol = 0;
    }
    const nl = prompt.lastIndexOf('\n');
    if (nl >= 0) {
      out += prompt.slice(0, nl + 1);
      startCol = 0;
    }
    this.write(out);
    this.origin = { row: 0, col: startCol };
    this.cursorAt = this.origin;
    this.promptTail = prompt.slice(nl + 1);
    this.shown = '';
    this.draw(text, cursor);
  }

  /** adopt takes over a prompt already on screen (a restored terminal) with the cursor at `cursor` of `text`. */
  adopt(prompt: string, col: number, text: string, cursor: number): void {
    const tail = prompt.slice(prompt.lastIndexOf('\n') + 1);
    this.promptTail = tail;
    this.shown = text;
    const before = placeAfter({ row: 0, col: 0 }, stripAnsi(tail) + text.slice(0, cursor), this.cols);
    this.origin = { row: 0, col: 0 };
    this.cursorAt = before;
    // The cursor's real column tells whether the prompt started mid-line.
    const shift = col - before.col;
    if (shift > 0) {
      this.origin = { row: 0, col: shift };
      this.cursorAt = placeAfter(this.origin, stripAnsi(tail) + text.slice(0, cursor), this.cols);
    }
  }

  /** setPrompt changes the prompt text (reverse search) and redraws. */
  setPrompt(prompt: string, text: string, cursor: number): void {
    this.promptTail = prompt.slice(prompt.lastIndexOf('\n') + 1);
    this.draw(text, cursor);
  }

  /** draw redraws prompt + text from the origin and leaves the cursor at `cursor`. */
  draw(text: string, cursor: number): void {
    const visiblePrompt = stripAnsi(this.promptTail);
    const afterPrompt = placeAfter(this.origin, visiblePrompt, this.cols);
    let out = moveBetween(this.cursorAt, this.origin);
    if (this.origin.col === 0) out += '\r';
    out += this.promptTail;
    if (afterPrompt.col === 0 && afterPrompt.row > this.origin.row && visiblePrompt.length > 0) out += '\r\n';
    const p = paint(afterPrompt, text, this.cols);
    out += p.out + '\x1b[J';
    const target = placeAfter(afterPrompt, text.slice(0, cursor), this.cols);
    out += moveBetween(p.end, target);
    this.write(out);
    this.cursorAt = target;
    this.shown = text;
  }

  /**
   * append is the fast path for typing at the end of the line: it writes only
   * the new text. It falls back to draw() when the text has newlines.
   */
  append(text: string, full: string): void {
    if (text.includes('\n') || full.slice(0, full.length - text.length) !== this.shown) {
      this.draw(full, full.length);
      return;
    }
    const end = placeAfter(this.cursorAt, text, this.cols);
    let out = text;
    let w = 0;
    for (const ch of text) w += charWidth(ch.codePointAt(0)!);
    if (end.col === 0 && w > 0) out += '\r\n';
    this.write(out);
    this.cursorAt = end;
    this.shown = full;
  }

  /** finish moves to the end of the line and starts a new one (Enter, Ctrl-C). */
  finish(text: string, suffix = ''): void {
    const afterPrompt = placeAfter(this.origin, stripAnsi(this.promptTail), this.cols);
    const end = placeAfter(afterPrompt, text, this.cols);
    let out = moveBetween(this.cursorAt, end) + suffix;
    out += end.col === 0 && end.row > this.origin.row && suffix === '' ? '' : '\r\n';
    this.write(out);
    this.cursorAt = { row: 0, col: 0 };
    this.origin = { row: 0, col: 0 };
    this.shown = '';
  }
}
