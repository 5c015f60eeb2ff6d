import type { MvccStore } from '../../store/mvcc.ts';
import type { RaftGroup } from './group.ts';

/**
 * The etcd client protocol as it travels over the lab's network: a listener of
 * protocol ETCD_PROTOCOL whose handler is an EtcdService. etcdctl and
 * kube-apiserver dial it (with etcd's TLS checks) and call the store directly;
 * there is no gRPC encoding on the way.
 */
export const ETCD_PROTOCOL = 'etcd';

/** EtcdMember is one entry of `etcdctl member list`. */
export interface EtcdMember {
  /** id in lower-case hex without leading zeros, as etcdctl prints it */
  id: string;
  name: string;
  peerUrls: string[];
  clientUrls: string[];
  isLearner: boolean;
}

/** EtcdService is a running etcd member as its clients see it. */
export interface EtcdService {
  store: MvccStore;
  /** server version, e.g. "3.5.21" */
  version: string;
  /** clusterId in hex */
  clusterId: string;
  self: EtcdMember;
  /** group is the raft group the member belongs to (membership changes go through it). */
  group: RaftGroup;
  members(): EtcdMember[];
  readonly raftTerm: number;
  /** raftIndex grows with every applied entry (writes and a few internal ones). */
  raftIndex(): number;
  /** dbSize is the backend file's size in bytes (pages of 4096, never below 20 kB). */
  dbSize(): number;
  readonly isLeader: boolean;
  /** leaderId is the hex ID of the group's leader, undefined without quorum. */
  leaderId(): string | undefined;
  /** available is false while the member cannot serve requests (stopped, or its group has no quorum). */
  available(): boolean;
}

/** hexId turns a decimal uint64 string into etcd's hex form. */
export function hexId(decimal: string): string {
  return BigInt(decimal).toString(16);
}

/** decimalId turns an etcd hex ID into the decimal string the store's headers carry. */
export function decimalId(hex: string): string {
  return BigInt(`0x${hex}`).toString(10);
}
