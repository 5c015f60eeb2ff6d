/**
 * History is the command history the terminal recalls with the arrows,
 * Ctrl-R and Alt-., kept across reloads. Entries follow Debian's default
 * HISTCONTROL=ignoreboth: a line starting with a space is not kept, and
 * neither is a repeat of the previous entry.
 */
export class History {
  entries: string[];

  constructor(entries: string[] = [], readonly max = 2000) {
    this.entries = entries.slice(-max);
  }

  /** add records a submitted command; it returns false when HISTCONTROL drops it. */
  add(line: string): boolean {
    if (line.trim() === '' || line.startsWith(' ')) return false;
    if (this.entries[this.entries.length - 1] === line) return false;
    this.entries.push(line);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
    return true;
  }

  /**
   * search looks for query in entries, starting at entry `from` and moving
   * back (dir -1) or forward (dir 1). Within an entry the match nearest the
   * end is taken going back, the nearest the start going forward, as readline's
   * incremental search does. It returns the entry and the match position.
   */
  search(query: string, from: number, dir: -1 | 1): { index: number; pos: number } | undefined {
    for (let i = from; i >= 0 && i < this.entries.length; i += dir) {
      const e = this.entries[i]!;
      const pos = dir < 0 ? e.lastIndexOf(query) : e.indexOf(query);
      if (pos >= 0) return { index: i, pos };
    }
    return undefined;
  }

  /** lastArg is Alt-.: the last word of the entry n back from the newest (1 = newest). */
  lastArg(n = 1): string | undefined {
    const e = this.entries[this.entries.length - n];
    if (e === undefined) return undefined;
    const words = e.trim().split(/\s+/);
    return words[words.length - 1];
  }
}

/**
 * HistoryCursor walks History from one prompt: Up and Down move through
 * entries, and a line edited while shown is remembered until the command is
 * submitted, as readline keeps modified history lines.
 */
export class HistoryCursor {
  index: number;
  private edits = new Map<number, string>();

  constructor(private readonly history: History) {
    this.index = history.entries.length;
  }

  private at(i: number): string {
    return this.edits.get(i) ?? this.history.entries[i] ?? '';
  }

  /** prev moves one entry back; `current` is the line being shown now. */
  prev(current: string): string | undefined {
    if (this.index === 0) return undefined;
    this.edits.set(this.index, current);
    this.index--;
    return this.at(this.index);
  }

  /** next moves one entry forward, back to the line typed before moving. */
  next(current: string): string | undefined {
    if (this.index >= this.history.entries.length) return undefined;
    this.edits.set(this.index, current);
    this.index++;
    return this.at(this.index);
  }

  /** first is Alt-<: the oldest entry. */
  first(current: string): string | undefined {
    if (this.history.entries.length === 0) return undefined;
    this.edits.set(this.index, current);
    this.index = 0;
    return this.at(0);
  }

  /** last is Alt->: the line being typed. */
  last(current: string): string {
    this.edits.set(this.index, current);
    this.index = this.history.entries.length;
    return this.at(this.index);
  }

  /** jump shows entry i (after a search), keeping the edit of the current one. */
  jump(current: string, i: number): string {
    this.edits.set(this.index, current);
    this.index = i;
    return this.at(i);
  }
}
