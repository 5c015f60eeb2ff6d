import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MvccStore } from './mvcc.ts';
import { restoreSnapshot, snapshotStatus } from './snapshot.ts';
import { StoreError, type WatchResponse } from './types.ts';

/** etcdctl 3.4's own messages for damaged files, recorded by scripts/record-golden/etcd-snapshot-errors.ts. */
const golden = JSON.parse(readFileSync(new URL('./testdata/etcdctl-snapshot-errors.json', import.meta.url), 'utf8')) as { errors: Record<string, string> };
/** The byte lists in a sha256 message differ from file to file; the wording must not. */
const shape = (msg: string) => msg.replace(/\[[0-9 ]+\]/g, '[…]');

/** busyStore has history, deletions, a compaction, leases and non-ASCII keys and values. */
function busyStore(): MvccStore {
  const s = new MvccStore();
  s.leaseGrant(120, 5);
  s.leaseGrant(30, 6);
  for (let i = 0; i < 40; i++) s.put(`/registry/pods/ns${i % 3}/p${i % 13}`, JSON.stringify({ i, name: `p${i}` }), { lease: i % 7 === 0 ? 5 : 0 });
  s.deleteRange('/registry/pods/ns1/', { prefix: true });
  s.put('/registry/configmaps/é/ü', 'ünïcødé ✓ \u{1F600}');
  s.put('\u{1F600}', 'astral');
  s.put('\uE000', 'private use');
  s.compact(30);
  s.txn({ compare: [], success: [{ put: { key: 'a', value: '1' } }, { deleteRange: { key: '/registry/pods/ns2/p2' } }], failure: [] });
  s.put('a', '2');
  return s;
}

/** contents is everything a client can observe about a store. */
function contents(s: MvccStore): unknown {
  const reads: unknown[] = [];
  for (let rev = s.compactRevision; rev <= s.revision; rev++) reads.push(s.range('\0', { rangeEnd: '\0', revision: rev }).kvs);
  const replay: WatchResponse[] = [];
  s.watch('', { prefix: true, startRevision: s.compactRevision, prevKv: true }, (r) => void replay.push(r)).cancel();
  const leases = s.leaseList().ids.map((id) => s.leaseTimeToLive(id, true));
  return { revision: s.revision, compact: s.compactRevision, reads, replay: replay.map((r) => r.events), leases };
}

function corruptError(f: () => unknown): StoreError {
  try {
    f();
  } catch (e) {
    if (e instanceof StoreError && e.code === 'corrupt-snapshot') return e;
    throw e;
  }
  throw new Error('expected corrupt-snapshot');
}

describe('snapshot save and restore', () => {
  it('round-trips everything a client can observe, keeping the revision', () => {
    const s = busyStore();
    const restored = restoreSnapshot(s.snapshot());
    expect(contents(restored)).toEqual(contents(s));
    // The restored store carries on from the same revision.
    expect(restored.put('b', '1').header.revision).toBe(s.revision + 1);
    expect(restored.range('/registry/pods/ns0/p8').kvs[0]!.lease).toBe(5);
    expect(restored.leaseRevoke(5).revision).toBe(s.revision + 2);
    expect(restored.range('/registry/pods/ns0/p8').kvs).toEqual([]);
  });

  it('round-trips any keyspace', () => {
    const str = fc.string({ unit: 'binary', minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(str, fc.string({ unit: 'binary', maxLength: 30 }), fc.boolean())), fc.nat(), (ops, c) => {
        const s = new MvccStore();
        for (const [k, v, del] of ops) if (del) s.deleteRange(k);
        else s.put(k, v);
        if (s.revision > 1) s.compact(1 + (c % s.revision));
        expect(contents(restoreSnapshot(s.snapshot()))).toEqual(contents(s));
      }),
      { seed: 99, numRuns: 30 },
    );
  });

  it('takes its identity from the restore, as etcdctl snapshot restore makes a new member', () => {
    const r = restoreSnapshot(busyStore().snapshot(), { clusterId: '11', memberId: '22' });
    expect(r.header()).toMatchObject({ clusterId: '11', memberId: '22' });
  });

  it('writes the same bytes for the same keyspace and reports its status', () => {
    const a = busyStore().snapshot();
    expect(busyStore().snapshot()).toEqual(a);
    expect((a.length - 32) % 512).toBe(0);
    const s = busyStore();
    const rows = s.exportState().keys.reduce((n, [, h]) => n + h.length, 0);
    const st = snapshotStatus(a);
    const d = sha256(a.subarray(0, a.length - 32));
    expect(st).toEqual({ hash: ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0, revision: s.revision, totalKey: rows + 2, totalSize: a.length - 32 });
    s.put('x', 'y');
    expect(snapshotStatus(s.snapshot()).hash).not.toBe(st.hash);
  });
});

describe('damaged snapshots', () => {
  const good = busyStore().snapshot();
  const want = contents(restoreSnapshot(good));

  it('says what etcdctl says for a cut file, a changed byte and a changed hash', () => {
    expect('Error: ' + corruptError(() => restoreSnapshot(good.subarray(0, good.length - 1000))).message).toBe(golden.errors['restore truncated']);
    const data = good.slice();
    data[100]! ^= 0xff;
    expect(shape('Error: ' + corruptError(() => restoreSnapshot(data)).message)).toBe(shape(golden.errors['restore data-byte-changed']!));
    const hash = good.slice();
    hash[good.length - 5]! ^= 0xff;
    const msg = corruptError(() => restoreSnapshot(hash)).message;
    expect(shape('Error: ' + msg)).toBe(shape(golden.errors['restore hash-byte-changed']!));
    expect(msg).toMatch(/^expected sha256 \[(\d+ ){31}\d+\], got \[(\d+ ){31}\d+\]$/);
  });

  it('says what etcdctl says for a file that is no snapshot at all', () => {
    const text = new TextEncoder().encode('apiVersion: v1\nkind: Pod\n'.repeat(2000));
    expect('Error: ' + corruptError(() => restoreSnapshot(text)).message).toBe(golden.errors['restore not-a-snapshot']);
    expect('Error: ' + corruptError(() => snapshotStatus(text)).message).toBe(golden.errors['status not-a-snapshot']);
    expect(corruptError(() => restoreSnapshot(new Uint8Array(0))).message).toBe('snapshot missing hash but --skip-hash-check=false');
  });

  it('reports damage in status as a failed integrity check', () => {
    const data = good.slice();
    data[700]! ^= 1;
    expect(corruptError(() => snapshotStatus(data)).message).toMatch(/^snapshot file integrity check failed\. 1 errors found\.\nexpected sha256 \[/);
  });

  it('refuses a well-hashed file with a newer format or nonsense inside', () => {
    const rehash = (b: Uint8Array) => {
      const out = b.slice();
      out.set(sha256(out.subarray(0, out.length - 32)), out.length - 32);
      return out;
    };
    const newer = good.slice();
    newer[8] = 2;
    expect(corruptError(() => restoreSnapshot(rehash(newer))).message).toBe('unsupported snapshot format version 2 (this build reads version 1)');
    for (const at of [12, 16, 24, 36, 40, 48, 60]) {
      const bad = good.slice();
      bad[at]! ^= 0x40;
      const e = corruptError(() => restoreSnapshot(rehash(bad)));
      expect(e.message, `byte ${at}`).toBe('invalid database');
    }
  });

  it('never yields a different store, and never throws anything but corrupt-snapshot', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), (flips) => {
        const bad = good.slice();
        for (const [at, x] of flips) bad[at]! ^= x;
        corruptError(() => restoreSnapshot(bad));
        corruptError(() => snapshotStatus(bad));
      }),
      { seed: 5, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(good.length - 1), (n) => {
        corruptError(() => restoreSnapshot(good.subarray(0, n)));
      }),
      { seed: 6, numRuns: 300 },
    );
    expect(contents(restoreSnapshot(good))).toEqual(want);
  });
});
