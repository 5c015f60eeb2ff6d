import { testApiServer } from '../engine/apiserver/testing/harness.ts';
import { kubectlHarness } from '../engine/tools/kubectl/testing/harness.ts';
import type { ApiServer } from '../engine/apiserver/server.ts';
import { percentile, type Bench, type BenchResult } from './types.ts';

const admin = { token: 'admin' };

function seedPods(server: ApiServer, count: number, namespaces: number): void {
  for (let n = 0; n < namespaces; n++) {
    server.request({ method: 'POST', path: '/api/v1/namespaces', credentials: admin, body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}` } } });
  }
  for (let i = 0; i < count; i++) {
    const ns = `ns-${i % namespaces}`;
    const r = server.request({
      method: 'POST',
      path: `/api/v1/namespaces/${ns}/pods`,
      credentials: admin,
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `web-${i}`, labels: { app: `app-${i % 100}`, tier: i % 2 ? 'backend' : 'frontend' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
      },
    });
    if (r.status !== 201) throw new Error(`seeding failed: ${JSON.stringify(r.body)}`);
  }
}

function time(samples: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** apiserverBench: listing pods by label selector among 10,000 pods, and kubectl get pods -A over 5,000 pods. */
export const apiserverBench: Bench = {
  name: 'apiserver and kubectl',
  async run(): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    {
      const { server } = testApiServer();
      seedPods(server, 10_000, 10);
      const req = { method: 'GET' as const, path: '/api/v1/pods', credentials: admin, query: { labelSelector: 'app=app-7' } };
      time(50, () => server.request(req));
      const samples = time(500, () => server.request(req));
      results.push({ name: 'list pods by label selector among 10,000 pods (p50)', value: percentile(samples, 50), unit: 'ms', aim: { op: '<', value: 1 } });
      results.push({ name: 'list pods by label selector among 10,000 pods (p99)', value: percentile(samples, 99), unit: 'ms' });
    }
    {
      const k = kubectlHarness();
      seedPods(k.server, 5_000, 20);
      const samples: number[] = [];
      // 500 measured runs, so the p99 is the 5th slowest, not the slowest of a handful
      for (let i = 0; i < 510; i++) {
        const t0 = performance.now();
        const r = await k.run(['get', 'pods', '-A']);
        samples.push(performance.now() - t0);
        if (r.code !== 0) throw new Error(r.stderr);
      }
      const warm = samples.slice(10);
      results.push({ name: 'kubectl get pods -A at 5,000 pods (p50)', value: percentile(warm, 50), unit: 'ms' });
      results.push({ name: 'kubectl get pods -A at 5,000 pods (p99)', value: percentile(warm, 99), unit: 'ms', aim: { op: '<', value: 5 } });
      // The same with the clock a second on before each get: every AGE cell of these young pods changes, so no row can be reused.
      const moving: number[] = [];
      for (let i = 0; i < 40; i++) {
        k.runtime.advance(1000);
        const t0 = performance.now();
        const r = await k.run(['get', 'pods', '-A']);
        moving.push(performance.now() - t0);
        if (r.code !== 0) throw new Error(r.stderr);
      }
      results.push({ name: 'kubectl get pods -A at 5,000 pods, every AGE changed (p50)', value: percentile(moving.slice(10), 50), unit: 'ms' });
    }
    return results;
  },
};
