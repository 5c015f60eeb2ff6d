import type { RequestOp, TxnRequest } from './types.ts';
import { utf8Length } from './utf8.ts';

/**
 * Request sizes for etcd's --max-request-bytes check ("etcdserver: request
 * is too large"). etcd measures the encoded raft request; keys and values
 * are nearly all of it, and a few bytes of framing per field stand for the
 * rest.
 */

/** Measure returns the size of one string in bytes (exact, or an upper bound). */
export type Measure = (s: string) => number;

const FRAMING = 8;

/**
 * exceeds says whether a request measured by size is bigger than limit. The
 * exact UTF-8 size is computed only when the cheap upper bound (three bytes
 * per UTF-16 unit) is over the limit, so ordinary writes never walk their
 * values.
 */
export function exceeds(limit: number, size: (m: Measure) => number): boolean {
  if (size((s) => s.length * 3) <= limit) return false;
  return size(utf8Length) > limit;
}

/** putSize is the size of a put of key and value. */
export function putSize(key: string, value: string, m: Measure): number {
  return m(key) + m(value) + FRAMING;
}

/** txnSize is the size of a transaction (every branch counts, as in etcd). */
export function txnSize(req: TxnRequest, m: Measure): number {
  let n = FRAMING;
  for (const c of req.compare) n += m(c.key) + m(c.rangeEnd ?? '') + (typeof c.value === 'string' ? m(c.value) : 8) + FRAMING;
  for (const op of req.success) n += opSize(op, m);
  for (const op of req.failure) n += opSize(op, m);
  return n;
}

function opSize(op: RequestOp, m: Measure): number {
  if ('put' in op) return putSize(op.put.key, op.put.value, m) + FRAMING;
  if ('range' in op) return m(op.range.key) + m(op.range.rangeEnd ?? '') + FRAMING * 2;
  if ('deleteRange' in op) return m(op.deleteRange.key) + m(op.deleteRange.rangeEnd ?? '') + FRAMING * 2;
  return txnSize(op.txn, m) + FRAMING;
}
