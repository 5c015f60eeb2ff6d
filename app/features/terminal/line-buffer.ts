/**
 * LineBuffer is the line being edited at the prompt and the readline
 * commands that change it: movement by character and word, kills into a
 * kill ring, yank, transpose and undo. Words follow readline: Alt-B/F/D and
 * Alt-Backspace stop at non-alphanumerics, Ctrl-W at whitespace.
 */
export class LineBuffer {
  text = '';
  cursor = 0;
  private killRing = '';
  private undoStack: { text: string; cursor: number }[] = [];

  /** set replaces the whole line (history, search, completion) and puts the cursor at `cursor` (default: end). */
  set(text: string, cursor = text.length): void {
    this.text = text;
    this.cursor = Math.max(0, Math.min(cursor, text.length));
  }

  /** reset empties the line and its undo history (a new prompt). */
  reset(text = ''): void {
    this.set(text);
    this.undoStack = [];
  }

  private save(): void {
    const last = this.undoStack[this.undoStack.length - 1];
    if (last && last.text === this.text) return;
    this.undoStack.push({ text: this.text, cursor: this.cursor });
    if (this.undoStack.length > 200) this.undoStack.shift();
  }

  /** undo is Ctrl-_: back to the line before the last change. */
  undo(): boolean {
    const prev = this.undoStack.pop();
    if (!prev) return false;
    this.text = prev.text;
    this.cursor = prev.cursor;
    return true;
  }

  insert(s: string): void {
    if (!s) return;
    this.save();
    this.text = this.text.slice(0, this.cursor) + s + this.text.slice(this.cursor);
    this.cursor += s.length;
  }

  /** replace swaps [start, end) for s and leaves the cursor after it (completion). */
  replace(start: number, end: number, s: string): void {
    this.save();
    this.text = this.text.slice(0, start) + s + this.text.slice(end);
    this.cursor = start + s.length;
  }

  backspace(): boolean {
    if (this.cursor === 0) return false;
    this.save();
    this.text = this.text.slice(0, this.cursor - 1) + this.text.slice(this.cursor);
    this.cursor--;
    return true;
  }

  deleteChar(): boolean {
    if (this.cursor >= this.text.length) return false;
    this.save();
    this.text = this.text.slice(0, this.cursor) + this.text.slice(this.cursor + 1);
    return true;
  }

  left(): void {
    if (this.cursor > 0) this.cursor--;
  }
  right(): void {
    if (this.cursor < this.text.length) this.cursor++;
  }
  home(): void {
    this.cursor = 0;
  }
  end(): void {
    this.cursor = this.text.length;
  }

  /** wordLeft is Alt-B: to the start of the current or previous alphanumeric word. */
  wordLeft(): void {
    this.cursor = wordStart(this.text, this.cursor);
  }

  /** wordRight is Alt-F: to the end of the current or next alphanumeric word. */
  wordRight(): void {
    this.cursor = wordEnd(this.text, this.cursor);
  }

  /** killToEnd is Ctrl-K. */
  killToEnd(): void {
    this.kill(this.cursor, this.text.length);
  }

  /** killToStart is Ctrl-U (unix-line-discard). */
  killToStart(): void {
    this.kill(0, this.cursor);
  }

  /** killWordBack is Ctrl-W (unix-word-rubout): back to the previous whitespace. */
  killWordBack(): void {
    let i = this.cursor;
    while (i > 0 && /\s/.test(this.text[i - 1]!)) i--;
    while (i > 0 && !/\s/.test(this.text[i - 1]!)) i--;
    this.kill(i, this.cursor);
  }

  /** killAlnumWordBack is Alt-Backspace (backward-kill-word). */
  killAlnumWordBack(): void {
    this.kill(wordStart(this.text, this.cursor), this.cursor);
  }

  /** killWordForward is Alt-D (kill-word). */
  killWordForward(): void {
    this.kill(this.cursor, wordEnd(this.text, this.cursor));
  }

  /** yank is Ctrl-Y: insert the last killed text. */
  yank(): void {
    this.insert(this.killRing);
  }

  /** transpose is Ctrl-T: swap the characters around the cursor (the last two at the end of the line). */
  transpose(): void {
    if (this.text.length < 2 || this.cursor === 0) return;
    this.save();
    const i = this.cursor === this.text.length ? this.cursor - 1 : this.cursor;
    const chars = [...this.text];
    [chars[i - 1], chars[i]] = [chars[i]!, chars[i - 1]!];
    this.text = chars.join('');
    this.cursor = i + 1;
  }

  private kill(start: number, end: number): void {
    if (end <= start) return;
    this.save();
    this.killRing = this.text.slice(start, end);
    this.text = this.text.slice(0, start) + this.text.slice(end);
    this.cursor = start;
  }
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** wordStart finds where backward-word lands from pos. */
export function wordStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

/** wordEnd finds where forward-word lands from pos. */
export function wordEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isWordChar(text[i])) i++;
  while (i < text.length && isWordChar(text[i])) i++;
  return i;
}
