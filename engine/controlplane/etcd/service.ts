import type { MvccStore } from '../../store/mvcc.ts';
import { RaftGroup } from './group.ts';
import { memberIdFor } from './ids.ts';
import { hexId, type EtcdMember, type EtcdService } from './wire.ts';

/** EtcdServiceOptions name the member that serves a store. */
export interface EtcdServiceOptions {
  name: string;
  peerUrls: string[];
  clientUrls: string[];
  version: string;
  /** group is the raft group the member belongs to; a single-member group around the store when absent. */
  group?: RaftGroup;
  /** memberId is the member's hex ID in the group (the store's own when absent). */
  memberId?: string;
}

/**
 * etcdService is one member as its clients see it: IDs from the store's
 * headers, the group's membership, leader and term, and a raft index that
 * follows the store's revision the way etcd's does (a few membership and
 * cluster-version entries come before the first write).
 */
export function etcdService(store: MvccStore, o: EtcdServiceOptions): EtcdService {
  const h = store.header();
  const id = o.memberId ?? hexId(h.memberId ?? '0');
  const group =
    o.group ??
    new RaftGroup(hexId(h.clusterId ?? '0'), store, [{ id, name: o.name, peerUrls: o.peerUrls, clientUrls: o.clientUrls, isLearner: false, started: true }], (urls) => memberIdFor(urls, `${hexId(h.clusterId ?? '0')}/${store.revision}`), h.raftTerm ?? 2);
  if (!o.group) group.start(id, o.name, o.clientUrls);
  const self = (): EtcdMember => {
    const m = group.members.find((x) => x.id === id);
    return { id, name: o.name, peerUrls: m?.peerUrls ?? o.peerUrls, clientUrls: o.clientUrls, isLearner: m?.isLearner ?? false };
  };
  return {
    store,
    version: o.version,
    clusterId: group.clusterId,
    get self() {
      return self();
    },
    group,
    members: () => group.sortedMembers().map(({ started: _s, ...m }) => ({ ...m })),
    get raftTerm() {
      group.leaderId();
      return group.term;
    },
    raftIndex: () => store.revision + 3 + (group.members.length - 1) * 2,
    dbSize: () => {
      // bbolt grows its file in pages; a fresh database is 20 kB, and every key costs about its size twice (key index and value).
      let bytes = 0;
      for (const kv of store.range('', { prefix: true }).kvs) bytes += kv.key.length * 2 + kv.value.length + 64;
      return 20480 + Math.ceil(bytes / 4096) * 4096;
    },
    get isLeader() {
      return group.leaderId() === id;
    },
    leaderId: () => group.leaderId(),
    available: () => group.running.has(id) && group.hasQuorum(),
  };
}
