import { compareKeys, type KeyRange } from './keys.ts';
import { liveAt } from './history.ts';
import type { KeyIndex } from './key-index.ts';
import type { KeyValue, RangeOptions, SortTarget } from './types.ts';

/** RangeRows is a range's result before a header is put on it. */
export interface RangeRows {
  kvs: KeyValue[];
  count: number;
  more: boolean;
}

/**
 * readRange answers a range request at revision rev, as etcd's applier does:
 * count is the number of keys in the range at rev (limit, filters and
 * countOnly do not change it); limit applies after filtering and sorting;
 * more says whether limit left kvs out. Revision bounds are the caller's job.
 */
export function readRange(index: KeyIndex, r: KeyRange, o: RangeOptions, rev: number): RangeRows {
  const limit = o.limit !== undefined && o.limit > 0 ? o.limit : 0;
  const filtered = !!(o.minModRevision || o.maxModRevision || o.minCreateRevision || o.maxCreateRevision);
  let order = o.sortOrder ?? 'NONE';
  const target = o.sortTarget ?? 'KEY';
  // etcd sorts ascending by default whenever the target is not the key.
  if (target !== 'KEY' && order === 'NONE') order = 'ASCEND';
  const sorted = order !== 'NONE' && !(target === 'KEY' && order === 'ASCEND');
  // Without sorting or filtering, one kv beyond the limit is enough to know "more".
  const fetch = o.countOnly ? 0 : sorted || filtered || limit === 0 ? Infinity : limit + 1;

  let kvs: KeyValue[] = [];
  let count = 0;
  index.scan(r, (_key, h) => {
    const kv = liveAt(h, rev);
    if (kv === undefined) return;
    count++;
    if (kvs.length < fetch) kvs.push(kv);
  });
  if (o.countOnly) return { kvs: [], count, more: false };

  if (filtered) kvs = kvs.filter((kv) => keep(kv, o));
  if (sorted) kvs = sortKvs(kvs, target, order === 'DESCEND');
  let more = false;
  if (limit > 0 && kvs.length > limit) {
    kvs = kvs.slice(0, limit);
    more = true;
  }
  if (o.keysOnly) kvs = kvs.map((kv) => ({ ...kv, value: '' }));
  return { kvs, count, more };
}

function keep(kv: KeyValue, o: RangeOptions): boolean {
  if (o.maxModRevision && kv.modRevision > o.maxModRevision) return false;
  if (o.minModRevision && kv.modRevision < o.minModRevision) return false;
  if (o.maxCreateRevision && kv.createRevision > o.maxCreateRevision) return false;
  if (o.minCreateRevision && kv.createRevision < o.minCreateRevision) return false;
  return true;
}

/**
 * sortKvs sorts by target. etcd uses Go's unstable sort, so the order of ties
 * is unspecified there; here ties keep key order, which is one of the orders
 * etcd may produce.
 */
function sortKvs(kvs: KeyValue[], target: SortTarget, descend: boolean): KeyValue[] {
  const by = (a: KeyValue, b: KeyValue): number => {
    switch (target) {
      case 'KEY':
        return compareKeys(a.key, b.key);
      case 'VERSION':
        return a.version - b.version;
      case 'CREATE':
        return a.createRevision - b.createRevision;
      case 'MOD':
        return a.modRevision - b.modRevision;
      case 'VALUE':
        return compareKeys(a.value, b.value);
    }
  };
  return kvs.slice().sort(descend ? (a, b) => by(b, a) : by);
}
