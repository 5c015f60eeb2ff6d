import type { Process } from '../../host/process.ts';
import type { KV } from '../../store/types.ts';
import { dialEtcd, type TlsMaterial } from '../../tools/etcdctl/connect.ts';
import type { EtcdService } from './wire.ts';

/** EtcdUnavailable is thrown by a RemoteKv call when no endpoint answers. */
export class EtcdUnavailable extends Error {
  constructor(readonly detail: string) {
    super(`etcdserver: request timed out, possibly due to connection lost: ${detail}`);
    this.name = 'EtcdUnavailable';
  }
}

/**
 * remoteKv is the apiserver's etcd client: a KV that reaches the member
 * behind --etcd-servers on every call (so a restarted or restored etcd is
 * picked up as the real client reconnects), with TLS checked once per
 * listener. lastError tells why the last attempt failed.
 */
export function remoteKv(p: Process, endpoints: string[], tls: TlsMaterial): { kv: KV; reach(): EtcdService | { error: string } } {
  const verified = new WeakMap<object, boolean>();
  const reach = (): EtcdService | { error: string } => {
    let last = 'no endpoints';
    for (const ep of endpoints) {
      const r = dialEtcd(p, ep, tls, false);
      if ('service' in r) {
        if (!verified.has(r.service)) verified.set(r.service, true);
        return r.service;
      }
      last = r.grpcError;
    }
    return { error: last };
  };
  const store = () => {
    const s = reach();
    if ('error' in s) throw new EtcdUnavailable(s.error);
    return s.store;
  };
  const kv: KV = {
    get revision() {
      return store().revision;
    },
    get compactRevision() {
      return store().compactRevision;
    },
    range: (k, o) => store().range(k, o),
    put: (k, v, o) => store().put(k, v, o),
    deleteRange: (k, o) => store().deleteRange(k, o),
    txn: (r) => store().txn(r),
    watch: (k, o, on, err) => store().watch(k, o, on, err),
    compact: (r) => store().compact(r),
    snapshot: () => store().snapshot(),
  };
  return { kv, reach };
}
