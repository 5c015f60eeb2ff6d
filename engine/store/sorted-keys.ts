import { comparatorFor } from './keys.ts';

/** CHUNK is the largest chunk before it splits: inserts move at most this many pointers. */
const CHUNK = 512;

/** Keyed is anything SortedKeys can order: it carries its key. */
export interface Keyed {
  readonly key: string;
}

/**
 * SortedKeys is an ordered set of keyed items kept as a list of sorted
 * chunks (a flat, two-level B-tree). A search is two binary searches,
 * O(log n); an insert moves at most one chunk's worth of pointers instead of
 * the whole array, so adding keys stays cheap at 50,000 keys and beyond;
 * walking from a key costs O(log n + k).
 */
export class SortedKeys<T extends Keyed> {
  private chunks: T[][] = [];
  private n = 0;

  /** size is the number of keys. */
  get size(): number {
    return this.n;
  }

  /** insert adds an item whose key is not in the set yet. */
  insert(item: T): void {
    this.n++;
    if (this.chunks.length === 0) {
      this.chunks.push([item]);
      return;
    }
    const key = item.key;
    const cmp = comparatorFor(key);
    let ci = this.chunkFor(key, cmp);
    if (ci === this.chunks.length) ci--;
    const chunk = this.chunks[ci]!;
    const at = lowerBound(chunk, key, cmp);
    if (at === chunk.length) chunk.push(item);
    else chunk.splice(at, 0, item);
    if (chunk.length > CHUNK) this.chunks.splice(ci + 1, 0, chunk.splice(CHUNK >> 1));
  }

  /** walk visits the items from the first whose key is >= start, in order, until visit returns false. */
  walk(start: string, visit: (item: T) => boolean): void {
    const cmp = comparatorFor(start);
    const chunks = this.chunks;
    let ci = this.chunkFor(start, cmp);
    if (ci === chunks.length) return;
    let i = lowerBound(chunks[ci]!, start, cmp);
    for (; ci < chunks.length; ci++, i = 0) {
      const chunk = chunks[ci]!;
      for (; i < chunk.length; i++) if (!visit(chunk[i]!)) return;
    }
  }

  /** retain keeps only the items for which keep holds (one pass; used after compaction). */
  retain(keep: (item: T) => boolean): void {
    this.load(this.toArray().filter(keep));
  }

  /** load replaces the set with items already in strictly increasing key order. */
  load(items: T[]): void {
    this.chunks = [];
    for (let i = 0; i < items.length; i += CHUNK >> 1) this.chunks.push(items.slice(i, i + (CHUNK >> 1)));
    this.n = items.length;
  }

  /** toArray returns every item in order. */
  toArray(): T[] {
    return this.chunks.flat();
  }

  /** chunkFor returns the index of the first chunk whose last key is >= key (chunks.length if none). */
  private chunkFor(key: string, cmp: (a: string, b: string) => number): number {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = chunks[mid]!;
      if (cmp(c[c.length - 1]!.key, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function lowerBound(items: Keyed[], q: string, cmp: (a: string, b: string) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(items[mid]!.key, q) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
