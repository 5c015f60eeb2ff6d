/**
 * SortedKeys keeps strings in byte order with O(log n) search, as etcd orders
 * keys. New keys that do not sort last wait in an unsorted batch and are merged
 * in one pass by the next read: a burst of creates (thousands of pods and
 * events with random names) costs one merge, not one array shift per key.
 */
export class SortedKeys {
  private keys: string[] = [];
  private pending = new Set<string>();

  get size(): number {
    this.merge();
    return this.keys.length;
  }

  /** lowerBound is the index of the first key >= k. */
  lowerBound(k: string): number {
    this.merge();
    return this.search(k);
  }

  insert(k: string): void {
    const n = this.keys.length;
    if (this.pending.size === 0 && (n === 0 || this.keys[n - 1]! < k)) this.keys.push(k);
    else this.pending.add(k);
  }

  remove(k: string): void {
    this.pending.delete(k);
    const i = this.search(k);
    if (this.keys[i] === k) this.keys.splice(i, 1);
  }

  /** prefixed yields every key starting with prefix, in order. */
  *prefixed(prefix: string): Generator<string> {
    for (let i = this.lowerBound(prefix); i < this.keys.length; i++) {
      const k = this.keys[i]!;
      if (!k.startsWith(prefix)) return;
      yield k;
    }
  }

  /** range returns the keys starting with prefix, in order, as one array slice. */
  range(prefix: string): string[] {
    const from = this.lowerBound(prefix);
    let to = from;
    while (to < this.keys.length && this.keys[to]!.startsWith(prefix)) to++;
    return this.keys.slice(from, to);
  }

  clear(): void {
    this.keys = [];
    this.pending.clear();
  }

  private search(k: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** merge sorts the waiting keys into the list (keys already present are kept once). */
  private merge(): void {
    if (this.pending.size === 0) return;
    const add = [...this.pending].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.pending.clear();
    const old = this.keys;
    const out = new Array<string>();
    let i = 0;
    let j = 0;
    while (i < old.length || j < add.length) {
      const a = old[i];
      const b = add[j];
      if (b === undefined || (a !== undefined && a < b)) {
        out.push(a!);
        i++;
      } else if (a === b) {
        out.push(a);
        i++;
        j++;
      } else {
        out.push(b);
        j++;
      }
    }
    this.keys = out;
  }
}
