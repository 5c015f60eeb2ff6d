import { StoreError, type RequestOp, type TxnRequest } from './types.ts';
import { ERR, emptyKeyError } from './errors.ts';
import { inRange, keyRange, type KeyRange } from './keys.ts';

/**
 * The checks etcd's gRPC layer makes before a request reaches the store
 * (etcdserver/api/v3rpc/key.go), in the same order, so the same request
 * fails with the same error.
 */

/** checkKey is checkRangeRequest/checkDeleteRequest: a key is required (a prefix of "" means "\0"). */
export function checkKey(key: string, prefix?: boolean): void {
  if (key === '' && !prefix) throw emptyKeyError();
}

/** checkPut is checkPutRequest. */
export function checkPut(key: string, value: string, lease: number | undefined, ignoreValue?: boolean, ignoreLease?: boolean): void {
  if (key === '') throw emptyKeyError();
  if (ignoreValue && value !== '') throw new StoreError('invalid-argument', ERR.valueProvided);
  if (ignoreLease && lease) throw new StoreError('invalid-argument', ERR.leaseProvided);
}

/**
 * checkTxn is checkTxnRequest: no branch (nor the compare list) may hold more
 * than maxOps entries, and a nested txn gets what its parent left over.
 */
export function checkTxn(req: TxnRequest, maxOps: number): void {
  const opc = Math.max(req.compare.length, req.success.length, req.failure.length);
  if (opc > maxOps) throw new StoreError('too-many-ops', ERR.tooManyOps);
  for (const c of req.compare) checkKey(c.key, c.prefix);
  for (const op of req.success) checkOp(op, maxOps - opc);
  for (const op of req.failure) checkOp(op, maxOps - opc);
}

function checkOp(op: RequestOp, budget: number): void {
  if ('range' in op) checkKey(op.range.key, op.range.prefix);
  else if ('put' in op) checkPut(op.put.key, op.put.value, op.put.lease, op.put.ignoreValue, op.put.ignoreLease);
  else if ('deleteRange' in op) checkKey(op.deleteRange.key, op.deleteRange.prefix);
  else if ('txn' in op) checkTxn(op.txn, budget);
  // An empty union member: etcd answers with ErrGRPCKeyNotFound.
  else throw new StoreError('key-not-found', ERR.keyNotFound);
}

interface Intervals {
  puts: Set<string>;
  dels: KeyRange[];
}

/**
 * checkIntervals is etcd's check that no key is written twice, or written
 * and deleted, by one transaction branch (including nested transactions).
 * It follows etcd's algorithm to the letter, quirks included: a delete with
 * range end "\0" is an inverted interval to etcd's interval tree and never
 * overlaps anything, and a nested transaction's puts are checked only
 * against deletes seen before it.
 */
export function checkIntervals(ops: readonly RequestOp[]): Intervals {
  const dels: KeyRange[] = [];
  for (const op of ops) {
    if ('deleteRange' in op) dels.push(keyRange(op.deleteRange.key, op.deleteRange.rangeEnd, op.deleteRange.prefix));
  }
  const puts = new Set<string>();
  for (const op of ops) {
    if (!('txn' in op)) continue;
    const then = checkIntervals(op.txn.success);
    const other = checkIntervals(op.txn.failure);
    for (const k of then.puts) {
      if (puts.has(k) || hits(dels, k)) throw duplicate();
      puts.add(k);
    }
    for (const k of other.puts) {
      // The same key in both branches is fine: only one of them runs.
      if (puts.has(k) && !then.puts.has(k)) throw duplicate();
      if (hits(dels, k)) throw duplicate();
      puts.add(k);
    }
    dels.push(...then.dels, ...other.dels);
  }
  for (const op of ops) {
    if (!('put' in op)) continue;
    const k = op.put.key;
    if (puts.has(k) || hits(dels, k)) throw duplicate();
    puts.add(k);
  }
  return { puts, dels };
}

function hits(dels: KeyRange[], k: string): boolean {
  return dels.some((r) => r.kind !== 'from' && inRange(r, k));
}

function duplicate(): StoreError {
  return new StoreError('duplicate-key', ERR.duplicateKey);
}

/** isReadOnly is isTxnReadonly: no put or delete anywhere in either branch. */
export function isReadOnly(req: TxnRequest): boolean {
  return req.success.every(readOnlyOp) && req.failure.every(readOnlyOp);
}

function readOnlyOp(op: RequestOp): boolean {
  return 'range' in op || ('txn' in op && isReadOnly(op.txn));
}
