import { describe, expect, it } from 'vitest';
import type { HttpHandler } from '../../../../host/net.ts';
import { clusterHarness, startKubectl } from '../testing.ts';

describe('kubectl proxy', () => {
  it('serves the API on localhost:8001 with kubectl\'s credentials until Ctrl-C', async () => {
    const k = clusterHarness();
    k.create('/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } });
    const run = startKubectl(k, ['proxy']);
    await new Promise((r) => setImmediate(r));
    expect(run.stdout.text).toBe('Starting to serve on 127.0.0.1:8001\n');
    const l = k.net.dial({ host: 'terminal', ip: '192.168.1.2' }, '127.0.0.1', 8001);
    const r = await (l.handler as HttpHandler).handle({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/settings', headers: {}, body: '', host: 'localhost:8001', tls: false }, { host: 'terminal', ip: '192.168.1.2' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).data).toEqual({ a: '1' });
    run.interrupt();
    expect(await run.done).toBe(130);
    expect(() => k.net.dial({ host: 'terminal', ip: '192.168.1.2' }, '127.0.0.1', 8001)).toThrow();
  });
});
