import type { MvccStore } from '../../store/mvcc.ts';
import { hexId, type EtcdMember, type EtcdService } from './wire.ts';

/** EtcdServiceOptions name the member that serves a store. */
export interface EtcdServiceOptions {
  name: string;
  peerUrls: string[];
  clientUrls: string[];
  version: string;
}

/**
 * etcdService wraps a store as a single-member etcd: IDs from the store's
 * headers, raft term 2 (a fresh single member elects itself once), and a raft
 * index that follows the store's revision the way etcd's does (a few
 * membership and cluster-version entries come before the first write).
 */
export function etcdService(store: MvccStore, o: EtcdServiceOptions): EtcdService {
  const h = store.header();
  const self: EtcdMember = { id: hexId(h.memberId ?? '0'), name: o.name, peerUrls: o.peerUrls, clientUrls: o.clientUrls, isLearner: false };
  return {
    store,
    version: o.version,
    clusterId: hexId(h.clusterId ?? '0'),
    self,
    members: () => [self],
    raftTerm: h.raftTerm ?? 2,
    raftIndex: () => store.revision + 3,
    dbSize: () => {
      // bbolt grows its file in pages; a fresh database is 20 kB, and every key costs about its size twice (key index and value).
      let bytes = 0;
      for (const kv of store.range('', { prefix: true }).kvs) bytes += kv.key.length * 2 + kv.value.length + 64;
      return 20480 + Math.ceil(bytes / 4096) * 4096;
    },
    isLeader: true,
  };
}
