import type { Runtime } from '../../base/runtime.ts';
import type { KV } from '../../store/types.ts';

/** COMPACTION_INTERVAL is kube-apiserver's default --etcd-compaction-interval (5m). */
export const COMPACTION_INTERVAL = 5 * 60 * 1000;

/**
 * startCompactor compacts etcd as the apiserver does: every interval it
 * compacts to the revision it saw at the previous tick, so watches can always
 * resume from the last few minutes and memory stays bounded.
 */
export function startCompactor(runtime: Runtime, kv: () => KV, interval = COMPACTION_INTERVAL): { cancel(): void } {
  let previous = 0;
  return runtime.every(
    interval,
    () => {
      const store = kv();
      if (previous > store.compactRevision && previous <= store.revision) {
        try {
          store.compact(previous);
        } catch {
          // already compacted further (etcdctl compaction by hand): nothing to do
        }
      }
      previous = store.revision;
    },
    'etcd-compaction',
  );
}
