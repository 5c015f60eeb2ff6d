/**
 * A client for a real etcd's v3 JSON gateway (POST /v3/kv/..., streaming
 * /v3/watch), used by the oracle test to drive etcd through the same
 * operations as MvccStore. It answers with the store's own types, so
 * results compare directly. Test-only: it uses fetch and Buffer.
 */
import type {
  Compare,
  DeleteOptions,
  DeleteResult,
  KeyValue,
  PutOptions,
  PutResult,
  RangeOptions,
  RangeResult,
  RequestOp,
  ResponseHeader,
  ResponseOp,
  TxnRequest,
  TxnResult,
  WatchEvent,
  WatchOptions,
} from '../types.ts';

type Json = Record<string, unknown>;

/** GatewayError is an error answer from etcd ({error, code}). */
export class GatewayError extends Error {}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: unknown): string => (typeof s === 'string' ? Buffer.from(s, 'base64').toString('utf8') : '');
const num = (v: unknown): number => (v === undefined ? 0 : Number(v));

/** prefixEnd is clientv3's GetPrefixRangeEnd for the ASCII keys the oracle uses. */
function prefixEnd(p: string): string {
  for (let i = p.length - 1; i >= 0; i--) {
    if (p.charCodeAt(i) < 0x7f) return p.slice(0, i) + String.fromCharCode(p.charCodeAt(i) + 1);
  }
  return '\0';
}

/** keyFields turns key/rangeEnd/prefix into the gateway's fields, as clientv3 does. */
function keyFields(key: string, rangeEnd?: string, prefix?: boolean): Json {
  if (prefix) return key === '' ? { key: b64('\0'), range_end: b64('\0') } : { key: b64(key), range_end: b64(prefixEnd(key)) };
  return rangeEnd ? { key: b64(key), range_end: b64(rangeEnd) } : { key: b64(key) };
}

function kv(j: Json): KeyValue {
  return {
    key: unb64(j.key),
    value: unb64(j.value),
    createRevision: num(j.create_revision),
    modRevision: num(j.mod_revision),
    version: num(j.version),
    lease: num(j.lease),
  };
}

function header(j: unknown): ResponseHeader {
  return { revision: num((j as Json | undefined)?.revision) };
}

function rangeReq(key: string, o: RangeOptions): Json {
  return {
    ...keyFields(key, o.rangeEnd, o.prefix),
    limit: o.limit,
    revision: o.revision,
    keys_only: o.keysOnly,
    count_only: o.countOnly,
    sort_order: o.sortOrder,
    sort_target: o.sortTarget,
    min_mod_revision: o.minModRevision,
    max_mod_revision: o.maxModRevision,
    min_create_revision: o.minCreateRevision,
    max_create_revision: o.maxCreateRevision,
  };
}

function rangeRes(j: Json): RangeResult {
  return { header: header(j.header), kvs: ((j.kvs as Json[]) ?? []).map(kv), count: num(j.count), more: !!j.more };
}

function putReq(key: string, value: string, o: PutOptions): Json {
  return { key: b64(key), value: b64(value), lease: o.lease, prev_kv: o.prevKv, ignore_value: o.ignoreValue, ignore_lease: o.ignoreLease };
}

function putRes(j: Json): PutResult {
  return j.prev_kv ? { header: header(j.header), prevKv: kv(j.prev_kv as Json) } : { header: header(j.header) };
}

function delReq(key: string, o: DeleteOptions): Json {
  return { ...keyFields(key, o.rangeEnd, o.prefix), prev_kv: o.prevKv };
}

function delRes(j: Json): DeleteResult {
  return { header: header(j.header), deleted: num(j.deleted), prevKvs: ((j.prev_kvs as Json[]) ?? []).map(kv) };
}

function compareReq(c: Compare): Json {
  const field = { VERSION: 'version', CREATE: 'create_revision', MOD: 'mod_revision', VALUE: 'value', LEASE: 'lease' }[c.target];
  const value = c.target === 'VALUE' ? b64(String(c.value)) : c.value;
  return { ...keyFields(c.key, c.rangeEnd, c.prefix), target: c.target, result: c.result, [field]: value };
}

function opReq(op: RequestOp): Json {
  if ('put' in op) return { request_put: putReq(op.put.key, op.put.value, op.put) };
  if ('range' in op) return { request_range: rangeReq(op.range.key, op.range) };
  if ('deleteRange' in op) return { request_delete_range: delReq(op.deleteRange.key, op.deleteRange) };
  return { request_txn: txnReq(op.txn) };
}

function txnReq(t: TxnRequest): Json {
  return { compare: t.compare.map(compareReq), success: t.success.map(opReq), failure: t.failure.map(opReq) };
}

function opRes(j: Json): ResponseOp {
  if (j.response_put) return { put: putRes(j.response_put as Json) };
  if (j.response_range) return { range: rangeRes(j.response_range as Json) };
  if (j.response_delete_range) return { deleteRange: delRes(j.response_delete_range as Json) };
  return { txn: txnRes(j.response_txn as Json) };
}

function txnRes(j: Json): TxnResult {
  return { header: header(j.header), succeeded: !!j.succeeded, responses: ((j.responses as Json[]) ?? []).map(opRes) };
}

/** WatchStream collects a watch's events as they stream in. */
export interface WatchStream {
  events: WatchEvent[];
  /** compactRevision is etcd's compact revision when it refused the watch. */
  compactRevision?: number;
  close(): void;
}

/** EtcdGateway talks to one etcd member over its JSON gateway. */
export class EtcdGateway {
  constructor(private readonly base: string) {}

  async call(path: string, body: Json): Promise<Json> {
    const res = await fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });
    const j = (await res.json()) as Json;
    if (typeof j.error === 'string') throw new GatewayError(j.error);
    return j;
  }

  async range(key: string, o: RangeOptions = {}): Promise<RangeResult> {
    return rangeRes(await this.call('/v3/kv/range', rangeReq(key, o)));
  }

  async put(key: string, value: string, o: PutOptions = {}): Promise<PutResult> {
    return putRes(await this.call('/v3/kv/put', putReq(key, value, o)));
  }

  async deleteRange(key: string, o: DeleteOptions = {}): Promise<DeleteResult> {
    return delRes(await this.call('/v3/kv/deleterange', delReq(key, o)));
  }

  async txn(t: TxnRequest): Promise<TxnResult> {
    return txnRes(await this.call('/v3/kv/txn', txnReq(t)));
  }

  /** compact waits for the physical compaction, so history reads right after see its effect. */
  async compact(revision: number): Promise<ResponseHeader> {
    return header((await this.call('/v3/kv/compaction', { revision, physical: true })).header);
  }

  async leaseGrant(ttl: number, id: number): Promise<{ id: number; ttl: number }> {
    const j = await this.call('/v3/lease/grant', { TTL: ttl, ID: id });
    return { id: num(j.ID), ttl: num(j.TTL) };
  }

  async leaseRevoke(id: number): Promise<ResponseHeader> {
    return header((await this.call('/v3/kv/lease/revoke', { ID: id })).header);
  }

  /** watch opens a streaming watch and collects its events. */
  watch(key: string, o: WatchOptions): WatchStream {
    const abort = new AbortController();
    const events: WatchEvent[] = [];
    const stream: WatchStream = { events, close: () => abort.abort() };
    const onMessage = (r: Json) => {
      if (r.canceled) stream.compactRevision = num(r.compact_revision);
      for (const e of (r.events as Json[]) ?? []) {
        const ev: WatchEvent = { type: e.type === 'DELETE' ? 'DELETE' : 'PUT', kv: kv(e.kv as Json) };
        if (e.prev_kv) ev.prevKv = kv(e.prev_kv as Json);
        events.push(ev);
      }
    };
    const body = { create_request: { ...keyFields(key, o.rangeEnd, o.prefix), start_revision: o.startRevision, prev_kv: o.prevKv } };
    void (async () => {
      try {
        const res = await fetch(this.base + '/v3/watch', { method: 'POST', body: JSON.stringify(body), signal: abort.signal });
        const reader = res.body!.getReader();
        let pending = Buffer.alloc(0);
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          pending = Buffer.concat([pending, value]);
          for (let nl = pending.indexOf(10); nl >= 0; nl = pending.indexOf(10)) {
            const line = pending.subarray(0, nl).toString('utf8').trim();
            pending = pending.subarray(nl + 1);
            if (line) onMessage(((JSON.parse(line) as Json).result ?? {}) as Json);
          }
        }
      } catch {
        // Closed by close(): nothing left to collect.
      }
    })();
    return stream;
  }
}
