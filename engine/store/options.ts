/** DEFAULT_CLUSTER_ID and DEFAULT_MEMBER_ID are a default single-member etcd's IDs (cdf818194e3a8c32, 8e9e05c52164694d). */
export const DEFAULT_CLUSTER_ID = '14841639068965178418';
export const DEFAULT_MEMBER_ID = '10276657743932975437';

/** MvccStoreOptions configures a store; every field has etcd's default. */
export interface MvccStoreOptions {
  /** clusterId and memberId appear in every header, in decimal as etcd's JSON gateway prints them. */
  clusterId?: string;
  memberId?: string;
  /** raftTerm is reported in headers (a fresh single-member etcd is at term 2). */
  raftTerm?: number;
  /** clock drives lease expiry; without one, leases never run out. */
  clock?: { now(): number };
  /** maxTxnOps is --max-txn-ops (128). */
  maxTxnOps?: number;
  /** maxRequestBytes is --max-request-bytes (1.5 MiB). */
  maxRequestBytes?: number;
  /** onCallbackError receives exceptions thrown by watch callbacks (which never break a write). */
  onCallbackError?: (err: unknown) => void;
}
