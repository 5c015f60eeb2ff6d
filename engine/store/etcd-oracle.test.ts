/**
 * The oracle: a real etcd 3.4 (Debian's /usr/bin/etcd) and MvccStore are
 * driven through the same requests, and every answer must match: revisions,
 * create/mod revisions, versions, counts, `more`, txn outcomes, error texts
 * and watch event streams. etcd runs on free loopback ports with a
 * throw-away data directory and is spoken to through its JSON gateway.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rand } from '../base/rand.ts';
import { MvccStore } from './mvcc.ts';
import type { WatchEvent, WatchOptions } from './types.ts';
import { EtcdGateway, type WatchStream } from './testing/etcd-gateway.ts';
import { Gen, normalise, runOp, type Op } from './testing/oracle-ops.ts';

const ETCD = '/usr/bin/etcd';
const hasEtcd = existsSync(ETCD);
if (!hasEtcd) console.warn(`etcd-oracle: ${ETCD} is absent, so MvccStore is NOT compared with a real etcd here (apt-get install etcd-server).`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

let proc: ChildProcess | undefined;
let dir = '';
let etcd: EtcdGateway;
const store = new MvccStore();

async function startEtcd(): Promise<void> {
  const client = await freePort();
  let peer = await freePort();
  while (peer === client) peer = await freePort();
  dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'kubelab-etcd-'));
  const c = `http://127.0.0.1:${client}`;
  const p = `http://127.0.0.1:${peer}`;
  proc = spawn(
    ETCD,
    ['--data-dir', join(dir, 'data'), '--listen-client-urls', c, '--advertise-client-urls', c, '--listen-peer-urls', p, '--initial-advertise-peer-urls', p, '--initial-cluster', `default=${p}`, '--logger', 'zap', '--log-level', 'error'],
    { stdio: 'ignore' },
  );
  etcd = new EtcdGateway(c);
  for (let i = 0; i < 200; i++) {
    try {
      await etcd.range('a');
      return;
    } catch {
      await sleep(50);
    }
  }
  throw new Error('etcd did not come up');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** both applies op to both stores and expects the same outcome. */
async function both(op: Op): Promise<unknown> {
  const [mine, theirs] = await runOp(store, etcd, op);
  expect(mine, JSON.stringify(op)).toEqual(theirs);
  return 'ok' in mine ? mine.ok : undefined;
}

/** WatchPair is one watch opened on both sides; check() compares what each has seen. */
class WatchPair {
  readonly mine: WatchEvent[] = [];
  error?: number;
  readonly theirs: WatchStream;

  constructor(
    readonly key: string,
    readonly opts: WatchOptions,
  ) {
    store.watch(key, opts, (r) => this.mine.push(...r.events), (e) => (this.error = e.compactRevision));
    this.theirs = etcd.watch(key, opts);
  }

  async check(): Promise<void> {
    const last = this.mine.at(-1)?.kv.modRevision ?? 0;
    const arrived = () =>
      this.error !== undefined ? this.theirs.compactRevision !== undefined : (this.theirs.events.at(-1)?.kv.modRevision ?? 0) >= last;
    // A busy machine can be slow to deliver etcd's events: wait for them rather than fail.
    for (let waited = 0; !arrived() && waited < 15000; waited += 10) await sleep(10);
    // Give etcd a moment to send anything we did not expect, so extra events show up too.
    await sleep(30);
    expect(normalise(this.mine), `watch ${this.key} ${JSON.stringify(this.opts)}`).toEqual(normalise(this.theirs.events));
    expect(this.error, 'compact revision of a refused watch').toBe(this.theirs.compactRevision);
  }

  close(): void {
    this.theirs.close();
  }
}

/** replayMatches opens a watch from a past revision on both sides and compares the history each replays. */
async function replayMatches(key: string, opts: WatchOptions): Promise<void> {
  const w = new WatchPair(key, opts);
  await w.check();
  w.close();
}

describe('MvccStore against a real etcd 3.4', () => {
  const live: WatchPair[] = [];

  beforeAll(async () => {
    if (!hasEtcd) return;
    await startEtcd();
    // An explicit start revision, so a watch still being set up over HTTP cannot miss the first writes.
    const next = store.revision + 1;
    live.push(new WatchPair('\0', { rangeEnd: '\0', prevKv: true, startRevision: next }));
    live.push(new WatchPair('/registry/pods/', { prefix: true, startRevision: next }));
    live.push(new WatchPair('foo', { startRevision: next }));
  }, 20000);

  afterAll(() => {
    for (const w of live) w.close();
    if (proc?.pid !== undefined) proc.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasEtcd)('revisions, versions and deletes', async () => {
    expect(store.revision).toBe((await etcd.range('a')).header.revision);
    await both({ kind: 'put', key: 'foo', value: 'bar', opts: {} });
    await both({ kind: 'put', key: 'foo', value: 'baz', opts: { prevKv: true } });
    await both({ kind: 'delete', key: 'nothing', opts: {} });
    await both({ kind: 'delete', key: 'foo', opts: { prevKv: true } });
    await both({ kind: 'put', key: 'foo', value: 'again', opts: {} });
    await both({ kind: 'put', key: '', value: 'x', opts: {} });
    await both({ kind: 'put', key: 'foo', value: '', opts: { ignoreValue: true } });
    await both({ kind: 'put', key: 'nope', value: '', opts: { ignoreValue: true } });
    await both({ kind: 'put', key: 'foo', value: 'x', opts: { ignoreValue: true } });
    for (const k of ['/registry/pods/default/web-1', '/registry/pods/default/web-2', '/registry/pods/kube-system/dns', 'foo/bar', 'foo1', 'fop']) {
      await both({ kind: 'put', key: k, value: k.length.toString(), opts: {} });
    }
    await both({ kind: 'delete', key: '/registry/pods/default/', opts: { prefix: true, prevKv: true } });
    await both({ kind: 'delete', key: 'foo', opts: { rangeEnd: 'foo2' } });
  });

  it.skipIf(!hasEtcd)('ranges: prefixes, intervals, limits, counts, sorting, old revisions', async () => {
    for (let i = 0; i < 5; i++) await both({ kind: 'put', key: `/registry/pods/default/p${i}`, value: `${5 - i}`, opts: {} });
    const rev = store.revision;
    await both({ kind: 'put', key: '/registry/pods/default/p1', value: 'changed', opts: {} });
    const shapes: [string, object][] = [
      ['/registry/pods/', { prefix: true }],
      ['/registry/pods/', { prefix: true, limit: 2 }],
      ['/registry/pods/', { prefix: true, limit: 6 }],
      ['/registry/pods/', { prefix: true, limit: 7 }],
      ['/registry/pods/', { prefix: true, countOnly: true, limit: 1 }],
      ['/registry/pods/', { prefix: true, keysOnly: true, limit: 3 }],
      ['/registry/pods/default/p1', { rangeEnd: '/registry/pods/default/p3' }],
      ['/registry/pods/default/p3', { rangeEnd: '/registry/pods/default/p1' }],
      ['/registry/pods/default/p3', { rangeEnd: '\0' }],
      ['\0', { rangeEnd: '\0', countOnly: true }],
      ['', { prefix: true, limit: 3 }],
      ['/registry/pods/', { prefix: true, revision: rev }],
      ['/registry/pods/', { prefix: true, revision: 2 }],
      ['/registry/pods/', { prefix: true, revision: rev + 100 }],
      ['/registry/pods/', { prefix: true, revision: -3 }],
      ['/registry/pods/', { prefix: true, sortTarget: 'VALUE', sortOrder: 'DESCEND', limit: 3 }],
      ['/registry/pods/', { prefix: true, sortTarget: 'KEY', sortOrder: 'DESCEND' }],
      ['/registry/pods/', { prefix: true, sortTarget: 'CREATE' }],
      ['/registry/pods/', { prefix: true, minModRevision: rev, limit: 1 }],
      ['/registry/pods/', { prefix: true, maxCreateRevision: rev - 2 }],
      ['', {}],
    ];
    for (const [key, opts] of shapes) await both({ kind: 'range', key, opts });
  });

  it.skipIf(!hasEtcd)('transactions: compares, branches, nesting and request checks', async () => {
    const k = '/registry/pods/default/tx';
    const create = (value: string): Op => ({
      kind: 'txn',
      req: { compare: [{ key: k, target: 'CREATE', result: 'EQUAL', value: 0 }], success: [{ put: { key: k, value } }], failure: [{ range: { key: k } }] },
    });
    await both(create('one'));
    await both(create('two'));
    const mod = store.range(k).kvs[0]!.modRevision;
    for (const [target, value] of [['MOD', mod], ['MOD', mod - 1], ['VERSION', 1], ['VALUE', 'one'], ['VALUE', 'onf'], ['LEASE', 0]] as const) {
      for (const result of ['EQUAL', 'NOT_EQUAL', 'GREATER', 'LESS'] as const) {
        await both({ kind: 'txn', req: { compare: [{ key: k, target, result, value }], success: [{ range: { key: k } }], failure: [] } });
      }
    }
    await both({ kind: 'txn', req: { compare: [{ key: 'absent', target: 'VALUE', result: 'NOT_EQUAL', value: 'x' }], success: [], failure: [] } });
    await both({ kind: 'txn', req: { compare: [{ key: '/registry/pods/', prefix: true, target: 'VERSION', result: 'GREATER', value: 0 }], success: [], failure: [] } });
    // Nested: the inner compare sees the store before the outer put.
    await both({
      kind: 'txn',
      req: {
        compare: [],
        success: [
          { put: { key: 'n1', value: 'a' } },
          { txn: { compare: [{ key: 'n1', target: 'CREATE', result: 'EQUAL', value: 0 }], success: [{ put: { key: 'n2', value: 'b' } }, { range: { key: 'n', prefix: true } }], failure: [] } },
          { deleteRange: { key: 'zzz' } },
          { range: { key: 'n', prefix: true, revision: store.revision } },
        ],
        failure: [],
      },
    });
    // A delete that matches nothing in a txn that changes nothing else.
    await both({ kind: 'txn', req: { compare: [], success: [{ deleteRange: { key: 'zzz' } }, { range: { key: 'n1' } }], failure: [] } });
    // etcd's interval check: duplicates, put over delete, and the "\0" range end that escapes it.
    await both({ kind: 'txn', req: { compare: [], success: [{ put: { key: 'd', value: '1' } }, { put: { key: 'd', value: '2' } }], failure: [] } });
    await both({ kind: 'txn', req: { compare: [], success: [{ put: { key: 'n1', value: '1' } }, { deleteRange: { key: 'n', prefix: true } }], failure: [] } });
    await both({ kind: 'txn', req: { compare: [], success: [{ put: { key: 'd', value: '1' } }], failure: [{ put: { key: 'd', value: '2' } }] } });
    await both({
      kind: 'txn',
      req: { compare: [], success: [{ txn: { compare: [], success: [{ put: { key: 'd', value: '1' } }], failure: [{ put: { key: 'd', value: '2' } }] } }, { deleteRange: { key: 'e' } }], failure: [] },
    });
    await both({
      kind: 'txn',
      req: { compare: [], success: [{ txn: { compare: [], success: [{ put: { key: 'd', value: '1' } }], failure: [] } }, { put: { key: 'd', value: '3' } }], failure: [] },
    });
    await both({ kind: 'txn', req: { compare: [], success: [{ put: { key: 'n1', value: 'x' } }, { deleteRange: { key: 'm', rangeEnd: '\0', prevKv: true } }], failure: [] } });
    // Deleted and created again in one revision: the new event is a creation, so it carries no prevKv.
    await both({ kind: 'put', key: 'n1', value: 'w', opts: {} });
    await both({ kind: 'txn', req: { compare: [], success: [{ deleteRange: { key: 'm', rangeEnd: '\0' } }, { put: { key: 'n1', value: 'y' } }, { range: { key: 'n1' } }], failure: [] } });
    // Request checks.
    const many = Array.from({ length: 129 }, (_, i) => ({ put: { key: `k${i}`, value: 'v' } }));
    await both({ kind: 'txn', req: { compare: [], success: many, failure: [] } });
    await both({ kind: 'txn', req: { compare: [], success: many.slice(0, 128), failure: [] } });
    await both({ kind: 'txn', req: { compare: [], success: [{ txn: { compare: [], success: many.slice(0, 100), failure: [] } }], failure: many.slice(0, 29) } });
    await both({ kind: 'txn', req: { compare: [{ key: '', target: 'VERSION', result: 'EQUAL', value: 0 }], success: [], failure: [] } });
    await both({ kind: 'txn', req: { compare: [], success: [{ range: { key: 'a', revision: store.revision + 1 } }], failure: [] } });
    await both({ kind: 'txn', req: { compare: [], success: [{ put: { key: 'a', value: 'x', lease: 12345 } }], failure: [] } });
  });

  it.skipIf(!hasEtcd)('leases: grants, attached keys, LEASE compares, revoke', async () => {
    await both({ kind: 'leaseGrant', ttl: 1, id: 7 });
    await both({ kind: 'leaseGrant', ttl: 100, id: 7 });
    await both({ kind: 'leaseGrant', ttl: 600, id: 8 });
    await both({ kind: 'put', key: 'l/a', value: '1', opts: { lease: 7 } });
    await both({ kind: 'put', key: 'l/b', value: '2', opts: { lease: 7 } });
    await both({ kind: 'put', key: 'l/c', value: '3', opts: { lease: 8 } });
    await both({ kind: 'put', key: 'l/c', value: '4', opts: { ignoreLease: true } });
    await both({ kind: 'put', key: 'l/b', value: '5', opts: {} });
    await both({ kind: 'put', key: 'l/x', value: '5', opts: { lease: 9 } });
    await both({ kind: 'txn', req: { compare: [{ key: 'l/a', target: 'LEASE', result: 'EQUAL', value: 7 }], success: [{ put: { key: 'l/d', value: 'd', lease: 8 } }], failure: [] } });
    await both({ kind: 'leaseRevoke', id: 7 });
    await both({ kind: 'leaseRevoke', id: 7 });
    await both({ kind: 'range', key: 'l/', opts: { prefix: true } });
    await both({ kind: 'leaseRevoke', id: 8 });
    await both({ kind: 'range', key: 'l/', opts: { prefix: true } });
  });

  it.skipIf(!hasEtcd)('compaction: errors, reads and watches around the compact revision', async () => {
    await both({ kind: 'put', key: 'c', value: '1', opts: {} });
    await both({ kind: 'delete', key: 'c', opts: {} });
    const at = store.revision;
    await both({ kind: 'put', key: 'c', value: '2', opts: {} });
    await both({ kind: 'compact', rev: at + 5 });
    await both({ kind: 'compact', rev: at });
    await both({ kind: 'compact', rev: at });
    await both({ kind: 'compact', rev: at - 1 });
    for (const revision of [at - 1, at, at + 1]) await both({ kind: 'range', key: '', opts: { prefix: true, revision } });
    for (const startRevision of [at - 1, at, at + 1]) {
      await replayMatches('', { prefix: true, startRevision, prevKv: true });
      await replayMatches('c', { startRevision, prevKv: true });
    }
    await both({ kind: 'txn', req: { compare: [], success: [{ range: { key: 'c', revision: at - 1 } }], failure: [] } });
  });

  it.skipIf(!hasEtcd)('a seeded random sequence of 400 operations', async () => {
    const gen = new Gen(new Rand(20240611));
    for (let i = 0; i < 400; i++) {
      await both(gen.op(store.revision, store.compactRevision));
      if (i % 50 === 49) await replayMatches('', { prefix: true, startRevision: gen.revision(store.revision, store.compactRevision), prevKv: true });
    }
    expect(store.revision).toBe((await etcd.range('a')).header.revision);
  });

  it.skipIf(!hasEtcd)('long-lived watches saw the same events', async () => {
    for (const w of live) await w.check();
  });
});
