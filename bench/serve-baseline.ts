import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { R } from '../engine/client/refs.ts';
import { bootLab } from '../engine/cluster/boot/boot-lab.ts';
import { startServe } from '../bin/serve/main.ts';
import { percentile, type Bench, type BenchResult } from './types.ts';

const REAL = process.env.KUBELAB_REAL_KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';
const PODS = 5000;

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function run(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(REAL, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('close', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(err))));
  });
}

/**
 * serveBench: the engine's heap with a 5,000-pod cluster, and the real
 * kubectl listing those pods through `kubelab serve` (the baseline our own
 * `kubectl get pods -A` is compared against).
 */
export const serveBench: Bench = {
  name: 'serve',
  async run(): Promise<BenchResult[]> {
    const before = heapMiB();
    const lab = bootLab({ seed: 1 });
    const booted = heapMiB();
    const admin = lab.clusters[0]!.admin;
    for (let n = 0; n < 20; n++) {
      admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}` } });
      admin.create(R.serviceaccounts, `ns-${n}`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } });
    }
    for (let i = 0; i < PODS; i++) {
      admin.create(R.pods, `ns-${i % 20}`, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${i}`, labels: { app: `app-${i % 100}` } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } });
    }
    lab.world.runtime.settle();
    const loaded = heapMiB();
    const results: BenchResult[] = [
      { name: 'engine heap: a booted lab', value: booted - before, unit: 'MiB' },
      { name: `engine heap: the lab with ${PODS} pods`, value: loaded - before, unit: 'MiB', note: (globalThis as { gc?: unknown }).gc ? 'after a full GC' : 'run node with --expose-gc for exact figures' },
    ];
    if (!existsSync(REAL)) return [...results, { name: 'real kubectl get pods -A via kubelab serve', value: NaN, unit: 'ms', note: `no real kubectl at ${REAL}` }];
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-bench-'));
    const kubeconfig = join(dir, 'kubeconfig');
    const served = await startServe({ port: 0, lab, tick: false, kubeconfigOut: kubeconfig });
    try {
      const args = ['get', 'pods', '-A', `--kubeconfig=${kubeconfig}`, `--cache-dir=${join(dir, 'cache')}`];
      await run(args);
      const samples: number[] = [];
      for (let i = 0; i < 10; i++) samples.push(await run(args));
      return [...results, { name: `real kubectl get pods -A at ${PODS} pods via kubelab serve (p50)`, value: percentile(samples, 50), unit: 'ms', note: 'a whole process: start, TLS, discovery cache, 5,000 rows', baselineFor: 'kubectl get pods -A at 5,000 pods (p50)' }];
    } finally {
      await served.close();
    }
  },
};
