import { describe, expect, it } from 'vitest';
import { labHarness } from '../create/testing/lab.ts';

describe('kubectl run', () => {
  it('creates the pod, and with --expose its service first', async () => {
    const k = labHarness();
    expect((await k.run(['run', 'web', '--image=nginx', '--port=80', '--expose'])).stdout).toBe('service/web created\npod/web created\n');
    const svc = k.req('GET', '/api/v1/namespaces/default/services/web');
    expect(svc.spec.selector).toEqual({ run: 'web' });
  });

  it('--rm -i waits for the pod, prints what it logged and deletes it', async () => {
    const k = labHarness();
    const done = k.run(['run', 'once', '--image=busybox', '--rm', '-i', '--restart=Never', '--', 'echo', 'hi']);
    for (let i = 0; i < 50; i++) await Promise.resolve();
    const pod = k.req('GET', '/api/v1/namespaces/default/pods/once');
    k.req('PUT', '/api/v1/namespaces/default/pods/once/status', { ...pod, status: { phase: 'Succeeded' } });
    for (let i = 0; i < 5; i++) {
      k.runtime.advance(1000);
      for (let j = 0; j < 20; j++) await Promise.resolve();
    }
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pod "once" deleted from default namespace\n');
    expect(k.server.request({ method: 'GET', path: '/api/v1/namespaces/default/pods/once', credentials: { token: 'admin' } }).status).toBe(404);
  });
});
