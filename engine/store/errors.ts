import { StoreError } from './types.ts';

/**
 * etcd's own error texts (etcdserver/api/v3rpc/rpctypes, mvcc, lease), so
 * etcdctl and the apiserver print exactly what a real cluster prints.
 */
export const ERR = {
  compacted: 'etcdserver: mvcc: required revision has been compacted',
  futureRev: 'etcdserver: mvcc: required revision is a future revision',
  emptyKey: 'etcdserver: key is not provided',
  keyNotFound: 'etcdserver: key not found',
  valueProvided: 'etcdserver: value is provided',
  leaseProvided: 'etcdserver: lease is provided',
  tooManyOps: 'etcdserver: too many operations in txn request',
  duplicateKey: 'etcdserver: duplicate key given in txn request',
  leaseNotFound: 'etcdserver: requested lease not found',
  leaseExists: 'etcdserver: lease already exists',
  leaseTTLTooLarge: 'etcdserver: too large lease TTL',
  requestTooLarge: 'etcdserver: request is too large',
} as const;

/** compactedError is ErrCompacted, carrying the compact revision for callers that report it. */
export function compactedError(compactRevision: number): StoreError {
  return new StoreError('compacted', ERR.compacted, compactRevision);
}

/** futureRevError is ErrFutureRev. */
export function futureRevError(): StoreError {
  return new StoreError('future-revision', ERR.futureRev);
}

/** emptyKeyError is ErrGRPCEmptyKey. */
export function emptyKeyError(): StoreError {
  return new StoreError('invalid-argument', ERR.emptyKey);
}
