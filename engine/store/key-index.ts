import { compareKeys, rangeStart, pastEnd, type KeyRange } from './keys.ts';
import type { History } from './history.ts';
import { SortedKeys } from './sorted-keys.ts';

/** Slot is one indexed key and its history. */
interface Slot {
  readonly key: string;
  readonly h: History;
}

/**
 * KeyIndex is etcd's treeIndex: every key that has retained history (live or
 * deleted but not yet compacted away), in key order, each with its History.
 *
 * A Map answers lookups by key; SortedKeys keeps the order, so a range is
 * O(log n + k). Only a brand-new key touches the order; updates and deletes
 * never do. Deleted keys stay until compaction removes them in one sweep.
 */
export class KeyIndex {
  private sorted = new SortedKeys<Slot>();
  private map = new Map<string, Slot>();

  /** size is the number of keys with retained history. */
  get size(): number {
    return this.sorted.size;
  }

  /** get returns a key's history, or undefined. */
  get(key: string): History | undefined {
    return this.map.get(key)?.h;
  }

  /** history returns a key's history, creating an empty one (and indexing the key) when there is none. */
  history(key: string): History {
    let slot = this.map.get(key);
    if (slot === undefined) {
      slot = { key, h: [] };
      this.map.set(key, slot);
      this.sorted.insert(slot);
    }
    return slot.h;
  }

  /**
   * scan visits, in key order, every indexed key in r with its history until
   * visit returns false. The caller decides what each history holds at the
   * revision it reads.
   */
  scan(r: KeyRange, visit: (key: string, h: History) => boolean | void): void {
    if (r.kind === 'single') {
      const slot = this.map.get(r.key);
      if (slot !== undefined) visit(slot.key, slot.h);
      return;
    }
    this.sorted.walk(rangeStart(r), (s) => !pastEnd(r, s.key) && visit(s.key, s.h) !== false);
  }

  /** removeEmpty forgets every key whose history is empty (after compaction). */
  removeEmpty(): void {
    this.sorted.retain((s) => {
      if (s.h.length > 0) return true;
      this.map.delete(s.key);
      return false;
    });
  }

  /**
   * load replaces the index with keys already in order (a snapshot), without
   * re-sorting. It returns false, and loads nothing, when they are not
   * strictly increasing.
   */
  load(entries: [string, History][]): boolean {
    for (let i = 1; i < entries.length; i++) {
      if (compareKeys(entries[i - 1]![0], entries[i]![0]) >= 0) return false;
    }
    const slots = entries.map(([key, h]) => ({ key, h }));
    this.sorted.load(slots);
    this.map = new Map(slots.map((s) => [s.key, s]));
    return true;
  }
}
