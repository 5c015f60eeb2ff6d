import { describe, expect, it } from 'vitest';
import type { HttpHandler } from '../../../host/net.ts';
import { nodeTestLab } from '../../testing/harness.ts';

describe('hashicorp/http-echo', () => {
  it('answers every path with -text on :5678, and exits 127 without it', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'apple' }, spec: { containers: [{ name: 'c', image: 'hashicorp/http-echo', args: ['-text=apple'] }] } });
    t.run({ metadata: { name: 'bare' }, spec: { containers: [{ name: 'c', image: 'hashicorp/http-echo:1.0' }] } });
    await t.advance(8000);
    const ip = t.status('apple').podIP as string;
    const l = t.net.dial({ host: 'controlplane', ip: '192.168.100.10' }, ip, 5678);
    const res = await (l.handler as HttpHandler).handle({ method: 'GET', path: '/any/path', headers: { 'user-agent': 'curl/7.81.0' }, body: '', host: `${ip}:5678`, tls: false }, { host: 'controlplane', ip: '192.168.100.10' });
    expect([res.status, res.body, res.headers['x-app-name']]).toEqual([200, 'apple\n', 'http-echo']);
    const log = (name: string) => String(t.admin.raw({ method: 'GET', path: `/api/v1/namespaces/default/pods/${name}/log` }).body);
    expect(log('apple')).toMatch(/^2026\/01\/05 09:00:\d\d \[INFO\] server is listening on :5678\n.*"GET \/any\/path HTTP\/1.1" 200 6 "curl\/7.81.0"/);
    expect(log('bare')).toBe('Missing -text option OR ENV var TEXT is empty!\n');
    const bare = t.status('bare').containerStatuses![0] as { lastState: { terminated?: { exitCode: number } }; state: { terminated?: { exitCode: number } } };
    expect((bare.lastState.terminated ?? bare.state.terminated)?.exitCode).toBe(127);
  });

  it('is in the catalogue with the DNS debugging image of the Kubernetes docs', async () => {
    const { makeImageCatalog } = await import('../catalog.ts');
    const { WORKLOAD_IMAGES } = await import('../workloads.ts');
    const cat = makeImageCatalog(WORKLOAD_IMAGES);
    expect(cat.lookup('registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3')).toHaveProperty('def');
    expect(cat.lookup('hashicorp/http-echo')).toHaveProperty('def');
  });
});
