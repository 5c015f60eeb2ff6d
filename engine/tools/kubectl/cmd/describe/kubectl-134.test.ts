import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';

describe('kubectl describe as kubectl 1.34 prints it', () => {
  it('names a container port after it, "80/TCP (http)", and leaves an unnamed one bare', async () => {
    const k = clusterHarness();
    k.create('/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 9090, protocol: 'UDP' }] }] },
    });
    const out = (await k.run(['describe', 'pod', 'web'])).stdout;
    expect(out).toMatch(/^ {4}Ports: +80\/TCP \(http\), 9090\/UDP$/m);
    expect(out).toMatch(/^ {4}Host Ports: +0\/TCP \(http\), 0\/UDP$/m);
  });

  it('shows a Service’s Traffic Distribution when it has one', async () => {
    const k = clusterHarness();
    k.create('/api/v1/namespaces/default/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }], trafficDistribution: 'PreferClose' } });
    k.create('/api/v1/namespaces/default/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'plain' }, spec: { ports: [{ port: 80 }] } });
    expect((await k.run(['describe', 'svc', 'web'])).stdout).toMatch(/^Traffic Distribution: +PreferClose$/m);
    expect((await k.run(['describe', 'svc', 'plain'])).stdout).not.toContain('Traffic Distribution');
  });
});
