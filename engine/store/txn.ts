import type {
  Compare,
  DeleteResult,
  KeyValue,
  PutResult,
  RangeResult,
  RequestOp,
  ResponseOp,
  TxnRequest,
  TxnResult,
} from './types.ts';
import { compareKeys, keyRange, type KeyRange } from './keys.ts';

/**
 * Transaction evaluation, as etcd's applier does it (etcdserver/apply.go):
 * every compare, including those of nested transactions, is evaluated
 * against the store as it was before the transaction; the chosen branches
 * form a path; checks run along the path; then the operations run in order.
 */

/** TxnPath records which branch each (nested) transaction takes. */
export interface TxnPath {
  readonly succeeded: boolean;
  /** nested holds the paths of the txn ops in the chosen branch, in order. */
  readonly nested: TxnPath[];
}

/** branch returns the operations a transaction runs on its path. */
export function branch(req: TxnRequest, path: TxnPath): readonly RequestOp[] {
  return path.succeeded ? req.success : req.failure;
}

/** compareToPath evaluates every compare on the path, reading the pre-transaction store through read. */
export function compareToPath(req: TxnRequest, read: (r: KeyRange) => KeyValue[]): TxnPath {
  const succeeded = req.compare.every((c) => compareHolds(c, read(keyRange(c.key, c.rangeEnd, c.prefix))));
  const nested: TxnPath[] = [];
  for (const op of succeeded ? req.success : req.failure) {
    if ('txn' in op) nested.push(compareToPath(op.txn, read));
  }
  return { succeeded, nested };
}

/**
 * compareHolds is applyCompare: every kv must pass; with no kv at all, a
 * VALUE compare fails and the others compare a zero KeyValue (so
 * CREATE == 0 means "does not exist").
 */
export function compareHolds(c: Compare, kvs: KeyValue[]): boolean {
  if (kvs.length === 0) {
    if (c.target === 'VALUE') return false;
    return compareKv(c, { key: c.key, value: '', createRevision: 0, modRevision: 0, version: 0, lease: 0 });
  }
  return kvs.every((kv) => compareKv(c, kv));
}

function compareKv(c: Compare, kv: KeyValue): boolean {
  let r: number;
  switch (c.target) {
    case 'VALUE':
      r = compareKeys(kv.value, typeof c.value === 'string' ? c.value : String(c.value));
      break;
    case 'CREATE':
      r = Math.sign(kv.createRevision - Number(c.value));
      break;
    case 'MOD':
      r = Math.sign(kv.modRevision - Number(c.value));
      break;
    case 'VERSION':
      r = Math.sign(kv.version - Number(c.value));
      break;
    case 'LEASE':
      r = Math.sign(kv.lease - Number(c.value));
      break;
  }
  switch (c.result) {
    case 'EQUAL':
      return r === 0;
    case 'NOT_EQUAL':
      return r !== 0;
    case 'GREATER':
      return r > 0;
    case 'LESS':
      return r < 0;
  }
}

/** checkPath runs check on every non-txn operation along the path (etcd's checkRequests). */
export function checkPath(req: TxnRequest, path: TxnPath, check: (op: RequestOp) => void): void {
  let n = 0;
  for (const op of branch(req, path)) {
    if ('txn' in op) checkPath(op.txn, path.nested[n++]!, check);
    else check(op);
  }
}

/** TxnExec runs single operations inside the transaction's write. */
export interface TxnExec {
  put(op: Extract<RequestOp, { put: unknown }>['put']): PutResult;
  deleteRange(op: Extract<RequestOp, { deleteRange: unknown }>['deleteRange']): DeleteResult;
  range(op: Extract<RequestOp, { range: unknown }>['range']): RangeResult;
}

/**
 * applyTxn runs the operations along the path. A nested transaction's
 * response carries an empty header (revision 0), as etcd's does.
 */
export function applyTxn(req: TxnRequest, path: TxnPath, exec: TxnExec): Omit<TxnResult, 'header'> {
  const responses: ResponseOp[] = [];
  let n = 0;
  for (const op of branch(req, path)) {
    if ('put' in op) responses.push({ put: exec.put(op.put) });
    else if ('deleteRange' in op) responses.push({ deleteRange: exec.deleteRange(op.deleteRange) });
    else if ('range' in op) responses.push({ range: exec.range(op.range) });
    else responses.push({ txn: { header: { revision: 0 }, ...applyTxn(op.txn, path.nested[n++]!, exec) } });
  }
  return { succeeded: path.succeeded, responses };
}
