import { MvccStore } from '../engine/store/mvcc.ts';
import { restoreSnapshot } from '../engine/store/snapshot.ts';
import { percentile, type Bench, type BenchResult } from './types.ts';

const OBJECTS = 10_000;
const NAMESPACES = 20;

/** podJson is a Pod as the apiserver stores it, padded to `size` bytes (1–2 KB, like real pods without managedFields). */
function podJson(i: number, size: number): string {
  const ns = `ns-${i % NAMESPACES}`;
  const pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: `web-${i}`,
      namespace: ns,
      uid: `0f3c${String(i).padStart(4, '0')}-5b1e-4c2a-9d7e-1a2b3c4d5e6f`,
      resourceVersion: String(1000 + i),
      creationTimestamp: '2026-01-05T09:00:00Z',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' },
      annotations: { note: '' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c6f5', uid: 'a1b2c3d4', controller: true }],
    },
    spec: {
      containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: { requests: { cpu: '100m', memory: '128Mi' } } }],
      nodeName: `node0${i % 3}`,
      restartPolicy: 'Always',
      serviceAccountName: 'default',
    },
    status: { phase: 'Running', podIP: `10.244.${(i >> 8) & 255}.${i & 255}`, conditions: [{ type: 'Ready', status: 'True' }] },
  };
  const bare = JSON.stringify(pod).length;
  pod.metadata.annotations.note = 'x'.repeat(Math.max(0, size - bare));
  return JSON.stringify(pod);
}

function fill(): { store: MvccStore; bytes: number; putMs: number } {
  const store = new MvccStore();
  let bytes = 0;
  const values = Array.from({ length: OBJECTS }, (_, i) => podJson(i, 1000 + ((i * 7919) % 1001)));
  const t0 = performance.now();
  for (let i = 0; i < OBJECTS; i++) {
    store.put(`/registry/pods/ns-${i % NAMESPACES}/web-${i}`, values[i]!);
    bytes += values[i]!.length;
  }
  return { store, bytes, putMs: performance.now() - t0 };
}

/** median runs f several times (after a warm-up) and returns the median time in ms. */
function median(runs: number, f: () => void): number {
  f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

/** storeBench measures the MVCC store at 10,000 Pod-sized objects: snapshots, prefix ranges, writes. */
export const storeBench: Bench = {
  name: 'store',
  async run(): Promise<BenchResult[]> {
    const { store, bytes, putMs } = fill();
    const mib = bytes / 1024 / 1024;
    let snap = store.snapshot();
    const save = median(7, () => void (snap = store.snapshot()));
    const restore = median(7, () => void restoreSnapshot(snap));

    const nsRange: number[] = [];
    const allRange: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      store.range(`/registry/pods/ns-${i % NAMESPACES}/`, { prefix: true });
      nsRange.push(performance.now() - t0);
    }
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      store.range('/registry/pods/', { prefix: true, limit: 500 });
      allRange.push(performance.now() - t0);
    }

    // The apiserver's update path: a MOD-guarded txn, with a prefix watch (its watch cache) attached.
    let seen = 0;
    const w = store.watch('/registry/pods/', { prefix: true }, (r) => void (seen += r.events.length));
    const updates = 20_000;
    const t0 = performance.now();
    for (let i = 0; i < updates; i++) {
      const key = `/registry/pods/ns-${i % NAMESPACES}/web-${i % OBJECTS}`;
      const mod = store.range(key).kvs[0]!.modRevision;
      store.txn({ compare: [{ key, target: 'MOD', result: 'EQUAL', value: mod }], success: [{ put: { key, value: 'updated' } }], failure: [{ range: { key } }] });
    }
    const txnMs = performance.now() - t0;
    w.cancel();
    const note = `${OBJECTS} pods, ${mib.toFixed(1)} MiB of values`;
    return [
      { name: `store: snapshot save, ${OBJECTS} objects (1-2 KB each)`, value: save, unit: 'ms', aim: { op: '<', value: 200 }, note },
      { name: `store: snapshot restore, ${OBJECTS} objects`, value: restore, unit: 'ms', aim: { op: '<', value: 200 }, note: `file ${(snap.length / 1024 / 1024).toFixed(1)} MiB` },
      { name: `store: range by namespace prefix (${OBJECTS / NAMESPACES} of ${OBJECTS} keys) p50`, value: percentile(nsRange, 50), unit: 'ms' },
      { name: `store: range by namespace prefix (${OBJECTS / NAMESPACES} of ${OBJECTS} keys) p99`, value: percentile(nsRange, 99), unit: 'ms' },
      { name: `store: range all ${OBJECTS} pods, limit 500 (counts all) p50`, value: percentile(allRange, 50), unit: 'ms' },
      { name: `store: put ${OBJECTS} new keys`, value: (OBJECTS / putMs) * 1000, unit: 'ops/s' },
      { name: 'store: get + MOD-guarded txn update, 1 prefix watcher', value: (updates / txnMs) * 1000, unit: 'ops/s', note: seen === updates ? undefined : `watcher saw ${seen}` },
    ];
  },
};
