import type { History } from './history.ts';
import type { Key } from './keys.ts';

/**
 * SearchStep is what a key does during Ctrl-R: keep searching, or end the
 * search (keeping the match or restoring the line) and then, possibly, run
 * Enter, Ctrl-C or the key itself as an editing key.
 */
export type SearchStep = { kind: 'stay' } | { kind: 'end'; restore: boolean; then?: 'accept' | 'cancel' | Key };

/** searchStep applies a key to the search, as readline's incremental search does. */
export function searchStep(s: IncrementalSearch, k: Key): SearchStep {
  if (k.type === 'text') {
    s.type(k.text);
    return { kind: 'stay' };
  }
  switch (k.name) {
    case 'ctrl-r': s.again(-1); return { kind: 'stay' };
    case 'ctrl-s': s.again(1); return { kind: 'stay' };
    case 'backspace': s.backspace(); return { kind: 'stay' };
    case 'ctrl-g': return { kind: 'end', restore: true };
    case 'escape': return { kind: 'end', restore: false };
    case 'ctrl-c': return { kind: 'end', restore: true, then: 'cancel' };
    case 'enter': return { kind: 'end', restore: false, then: 'accept' };
    // Any other key ends the search on the match and then does its usual job.
    default: return { kind: 'end', restore: false, then: k };
  }
}

/**
 * IncrementalSearch is readline's Ctrl-R / Ctrl-S state: the query typed so
 * far, the entry it matches, and the line that was there before the search
 * (restored by Ctrl-G).
 */
export class IncrementalSearch {
  query = '';
  dir: -1 | 1 = -1;
  /** index of the matching entry; entries.length while nothing matched yet */
  index: number;
  pos: number;
  failed = false;

  constructor(
    private readonly history: History,
    readonly original: { text: string; cursor: number },
    dir: -1 | 1,
    /** lastQuery is reused when Ctrl-R is pressed again with an empty query, as readline does */
    private readonly lastQuery = '',
  ) {
    this.dir = dir;
    this.index = history.entries.length;
    this.pos = original.cursor;
  }

  /** prompt is what replaces PS1 while searching. */
  prompt(): string {
    return `(${this.failed ? 'failed ' : ''}${this.dir < 0 ? 'reverse' : 'forward'}-i-search)\`${this.query}': `;
  }

  /** line is the text shown: the match, or the original line before any match. */
  line(): string {
    return this.index < this.history.entries.length ? this.history.entries[this.index]! : this.original.text;
  }

  /** type adds characters to the query and searches from the current match. */
  type(s: string): void {
    this.query += s;
    const from = Math.min(this.index, this.history.entries.length - 1);
    this.find(this.dir < 0 ? from : Math.max(this.index, 0), this.dir, true);
  }

  /** again is Ctrl-R (dir -1) or Ctrl-S (dir 1) pressed while searching: the next match that way. */
  again(dir: -1 | 1): void {
    this.dir = dir;
    if (this.query === '' && this.lastQuery !== '') this.query = this.lastQuery;
    if (this.query === '') return;
    this.find(this.index + dir, dir, false);
  }

  /** backspace drops the query's last character and searches again from the newest entry. */
  backspace(): void {
    this.query = [...this.query].slice(0, -1).join('');
    this.index = this.history.entries.length;
    this.failed = false;
    if (this.query === '') {
      this.pos = this.original.cursor;
      return;
    }
    this.find(this.history.entries.length - 1, -1, true);
  }

  private find(from: number, dir: -1 | 1, sameEntryOk: boolean): void {
    if (this.query === '') return;
    let start = from;
    if (!sameEntryOk && start === this.index) start += dir;
    const r = this.history.search(this.query, start, dir);
    if (r) {
      this.index = r.index;
      this.pos = r.pos;
      this.failed = false;
    } else {
      this.failed = true;
    }
  }
}
