import type { Runtime } from '../base/runtime.ts';
import type { KObject } from '../api/types.ts';
import type { ClusterView } from './admission/types.ts';
import { revisionOf, updateObject } from './storage/writes.ts';
import type { Storage } from './storage/storage.ts';

/** makeClusterView gives admission plugins read access to the watch cache (and quota's status writes). */
export function makeClusterView(storage: Storage, runtime: Runtime): ClusterView {
  return {
    get(group, plural, namespace, name) {
      return storage.storeFor(group, plural)?.get(namespace, name);
    },
    list(group, plural, namespace) {
      const s = storage.storeFor(group, plural);
      return s ? [...s.list(namespace)] : [];
    },
    updateStatus(group, plural, obj: KObject) {
      const s = storage.storeFor(group, plural);
      if (!s) return;
      const cur = s.get(obj.metadata.namespace, obj.metadata.name ?? '');
      if (!cur) return;
      updateObject(storage.etcd, s, { ...obj, metadata: { ...obj.metadata } }, revisionOf(cur));
    },
    now: () => runtime.now,
    nameSuffix: (n) => runtime.rand.nameSuffix(n),
  };
}
