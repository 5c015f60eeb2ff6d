/**
 * The store's contract: etcd v3's KV, Watch and Maintenance semantics over
 * string keys and string values. Kubernetes objects live under keys shaped
 * like Kubernetes' own (`/registry/pods/<ns>/<name>`), stored as JSON.
 */

/** KeyValue is mvccpb.KeyValue. */
export interface KeyValue {
  key: string;
  value: string;
  createRevision: number;
  modRevision: number;
  version: number;
  lease: number;
}

/** ResponseHeader is etcdserverpb.ResponseHeader (IDs as decimal strings, as the JSON gateway prints them). */
export interface ResponseHeader {
  /** revision is the store's revision when the request was applied. */
  revision: number;
  clusterId?: string;
  memberId?: string;
  raftTerm?: number;
}

/** SortOrder and SortTarget are RangeRequest's sort fields. */
export type SortOrder = 'NONE' | 'ASCEND' | 'DESCEND';
export type SortTarget = 'KEY' | 'VERSION' | 'CREATE' | 'MOD' | 'VALUE';

/** RangeOptions are RangeRequest's fields besides the key. */
export interface RangeOptions {
  /** rangeEnd: half-open [key, rangeEnd); "\0" means "every key >= key". */
  rangeEnd?: string;
  /**
   * prefix: range over every key starting with key (wins over rangeEnd). As in
   * clientv3, an empty key with prefix means every key.
   */
  prefix?: boolean;
  /** limit caps the number of kvs returned; count still counts the whole range and more says whether some were left out. */
  limit?: number;
  keysOnly?: boolean;
  countOnly?: boolean;
  /** revision reads the store as it was at that revision (0 or absent: current). */
  revision?: number;
  /** sortOrder/sortTarget sort the result before limit is applied (etcdctl get --order/--sort-by). */
  sortOrder?: SortOrder;
  sortTarget?: SortTarget;
  /** min/max mod/create revision filters drop kvs outside the bounds (0: no bound); count is not affected, as in etcd. */
  minModRevision?: number;
  maxModRevision?: number;
  minCreateRevision?: number;
  maxCreateRevision?: number;
}

/** RangeResult is RangeResponse. */
export interface RangeResult {
  header: ResponseHeader;
  kvs: KeyValue[];
  count: number;
  more: boolean;
}

/** PutOptions are PutRequest's fields besides key and value. */
export interface PutOptions {
  prevKv?: boolean;
  /** lease attaches the key to a granted lease (0 or absent: none); an unknown lease is an error. */
  lease?: number;
  /** ignoreValue keeps the key's current value (the key must exist; value must be ""). */
  ignoreValue?: boolean;
  /** ignoreLease keeps the key's current lease (the key must exist; lease must be 0). */
  ignoreLease?: boolean;
}

/** PutResult is PutResponse; prevKv is present only when asked for and the key existed. */
export interface PutResult {
  header: ResponseHeader;
  prevKv?: KeyValue;
}

/** DeleteOptions are DeleteRangeRequest's fields besides the key. */
export interface DeleteOptions {
  rangeEnd?: string;
  prefix?: boolean;
  prevKv?: boolean;
}

/** DeleteResult is DeleteRangeResponse; prevKvs is empty unless asked for. */
export interface DeleteResult {
  header: ResponseHeader;
  deleted: number;
  prevKvs: KeyValue[];
}

/** CompareTarget and CompareResult are Compare's enums. */
export type CompareTarget = 'VERSION' | 'CREATE' | 'MOD' | 'VALUE' | 'LEASE';
export type CompareResult = 'EQUAL' | 'NOT_EQUAL' | 'GREATER' | 'LESS';

/** Compare is one guard of a transaction; with a range, every key in it must pass (and at least one must exist for VALUE). */
export interface Compare {
  key: string;
  rangeEnd?: string;
  /** prefix compares every key starting with key (wins over rangeEnd). */
  prefix?: boolean;
  target: CompareTarget;
  result: CompareResult;
  /** a number for VERSION/CREATE/MOD/LEASE, a string for VALUE */
  value: number | string;
}

/** RequestOp is one operation of a transaction branch. */
export type RequestOp =
  | { put: { key: string; value: string } & PutOptions }
  | { range: { key: string } & RangeOptions }
  | { deleteRange: { key: string } & DeleteOptions }
  | { txn: TxnRequest };

/** ResponseOp answers one RequestOp, in the same position. */
export type ResponseOp =
  | { put: PutResult }
  | { range: RangeResult }
  | { deleteRange: DeleteResult }
  | { txn: TxnResult };

/** TxnRequest runs success if every compare holds, failure otherwise, atomically at one revision. */
export interface TxnRequest {
  compare: Compare[];
  success: RequestOp[];
  failure: RequestOp[];
}

/** TxnResult is TxnResponse. */
export interface TxnResult {
  header: ResponseHeader;
  succeeded: boolean;
  responses: ResponseOp[];
}

/** WatchEvent is mvccpb.Event; a DELETE's kv has only key and modRevision set. */
export interface WatchEvent {
  type: 'PUT' | 'DELETE';
  kv: KeyValue;
  prevKv?: KeyValue;
}

/** WatchOptions are WatchCreateRequest's fields besides the key. */
export interface WatchOptions {
  rangeEnd?: string;
  prefix?: boolean;
  /**
   * startRevision: deliver every event from this revision on (0/absent: only
   * new events). A revision below the compact revision is refused with
   * etcd's compacted error; a future revision waits for it.
   */
  startRevision?: number;
  /** prevKv adds the key's previous value to each event (not to creations), as etcd does. */
  prevKv?: boolean;
}

/**
 * WatchResponse carries the events of one revision. Live events arrive one
 * response per revision, exactly as etcd notifies them; replayed history is
 * split the same way (etcd batches several revisions per message, which no
 * client may rely on), so header.revision is always the events' revision.
 */
export interface WatchResponse {
  header: ResponseHeader;
  events: WatchEvent[];
  watchId?: number;
}

/** Watch is a handle on an open watch. */
export interface Watch {
  readonly id: number;
  cancel(): void;
}

/** SnapshotStatus is what `etcdctl snapshot status` prints. */
export interface SnapshotStatus {
  /** hash is a 32-bit digest of the contents (etcdctl prints it in hex). */
  hash: number;
  revision: number;
  /** totalKey counts stored rows: every retained revision of every key, plus leases. */
  totalKey: number;
  /** totalSize is the size of the database part of the file in bytes (without the trailing hash). */
  totalSize: number;
}

/** LeaseGrantResult is LeaseGrantResponse. */
export interface LeaseGrantResult {
  header: ResponseHeader;
  id: number;
  ttl: number;
}

/** LeaseTimeToLiveResult is LeaseTimeToLiveResponse; ttl is -1 for an unknown lease. */
export interface LeaseTimeToLiveResult {
  header: ResponseHeader;
  id: number;
  ttl: number;
  grantedTtl: number;
  keys: string[];
}

/**
 * Leases is etcd's Lease service. Leases expire only when their owner calls
 * expireLeases() (time comes from the clock given to the store).
 */
export interface Leases {
  leaseGrant(ttl: number, id?: number): LeaseGrantResult;
  leaseRevoke(id: number): ResponseHeader;
  leaseKeepAlive(id: number): LeaseGrantResult;
  leaseTimeToLive(id: number, keys?: boolean): LeaseTimeToLiveResult;
  leaseList(): { header: ResponseHeader; ids: number[] };
  expireLeases(): number[];
}

/**
 * KV is what every store client (the apiserver, etcdctl) talks to.
 * Errors are thrown as StoreError with etcd's own messages.
 */
export interface KV {
  readonly revision: number;
  readonly compactRevision: number;
  range(key: string, opts?: RangeOptions): RangeResult;
  put(key: string, value: string, opts?: PutOptions): PutResult;
  deleteRange(key: string, opts?: DeleteOptions): DeleteResult;
  txn(req: TxnRequest): TxnResult;
  /**
   * watch calls onResponse synchronously, inside the write that caused the
   * events (or inside watch() itself for history replayed from startRevision).
   * The watch is passed along so a callback can cancel it even during replay.
   * onError receives a compaction error (etcd cancels such a watch); the
   * returned Watch is then already cancelled.
   */
  watch(
    key: string,
    opts: WatchOptions,
    onResponse: (r: WatchResponse, w: Watch) => void,
    onError?: (e: StoreError) => void,
  ): Watch;
  compact(revision: number): ResponseHeader;
  /** snapshot serialises the whole keyspace (with revisions) to bytes with an integrity hash. */
  snapshot(): Uint8Array;
}

/** StoreErrorCode classifies a StoreError; the message carries etcd's own text. */
export type StoreErrorCode =
  | 'compacted'
  | 'future-revision'
  | 'corrupt-snapshot'
  | 'invalid-argument'
  | 'too-many-ops'
  | 'duplicate-key'
  | 'key-not-found'
  | 'lease-not-found'
  | 'lease-exists'
  | 'request-too-large';

/** StoreError carries etcd's error text, for example "etcdserver: mvcc: required revision has been compacted". */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** compactRevision is set on 'compacted' errors: the store's compact revision (the apiserver's 410 Gone names it). */
    readonly compactRevision?: number,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
