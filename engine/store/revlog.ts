import type { Entry } from './history.ts';

/** LogItem is one revision's changes in order: what a watcher receives for that revision. */
export interface LogItem {
  readonly rev: number;
  readonly changes: readonly Entry[];
}

/**
 * RevisionLog lists the changes of every retained revision in order, so a
 * watch from an old revision replays history in O(log r + changes since),
 * without scanning keys. Items are never edited in place (compaction puts a
 * filtered copy), so a replay in progress keeps a consistent view even if a
 * callback compacts.
 */
export class RevisionLog {
  private items: LogItem[] = [];

  /** append records a committed revision; revisions arrive in increasing order. */
  append(item: LogItem): void {
    this.items.push(item);
  }

  /** since returns the items from revision start up to the latest, in order. */
  since(start: number): LogItem[] {
    return this.items.slice(this.firstAtOrAfter(start));
  }

  /**
   * compact forgets revisions before rev and keeps, of revision rev itself,
   * only the changes for which retained(entry) holds (compaction keeps a
   * key's put at rev but not a tombstone).
   */
  compact(rev: number, retained: (e: Entry) => boolean): void {
    const items = this.items.slice(this.firstAtOrAfter(rev));
    const first = items[0];
    if (first !== undefined && first.rev === rev) {
      const kept = first.changes.filter(retained);
      if (kept.length === 0) items.shift();
      else if (kept.length !== first.changes.length) items[0] = { rev, changes: kept };
    }
    this.items = items;
  }

  /** size is the number of retained revisions. */
  get size(): number {
    return this.items.length;
  }

  private firstAtOrAfter(rev: number): number {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (items[mid]!.rev < rev) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
