import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../api/types.ts';
import { clusterHarness } from '../testing.ts';

const flush = () => new Promise((r) => setImmediate(r));

describe('kubectl wait', () => {
  it('returns once the condition is met', async () => {
    const k = clusterHarness();
    const pod = k.pod('web', { node: 'node01', phase: 'Pending' });
    const p = k.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s']);
    await flush();
    k.runtime.advance(3000);
    k.put('/api/v1/namespaces/default/pods/web/status', { ...(k.get('/api/v1/namespaces/default/pods/web') as KObject), status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } });
    k.runtime.settle();
    expect(await p).toEqual({ stdout: 'pod/web condition met\n', stderr: '', code: 0 });
    expect(pod.metadata.name).toBe('web');
  });

  it('times out on the simulated clock with kubectl\'s message', async () => {
    const k = clusterHarness();
    k.pod('web', { node: 'node01', phase: 'Pending' });
    const p = k.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=10s']);
    await flush();
    k.runtime.advance(9_000);
    await flush();
    let finished = false;
    void p.then(() => (finished = true));
    await flush();
    expect(finished).toBe(false);
    k.runtime.advance(1_000);
    expect(await p).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/web\n', code: 1 });
  });

  it('waits a week for a negative timeout and checks once for zero, as the flag says', async () => {
    const k = clusterHarness();
    k.pod('web', { node: 'node01', phase: 'Pending' });
    expect(await k.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=0'])).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/web\n', code: 1 });
    const p = k.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=-1s']);
    let finished = false;
    void p.then(() => (finished = true));
    await flush();
    k.runtime.advance(6 * 24 * 3_600_000);
    await flush();
    expect(finished).toBe(false);
    k.runtime.advance(24 * 3_600_000);
    expect(await p).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/web\n', code: 1 });
  });

  it('waits for deletion and for a jsonpath value', async () => {
    const k = clusterHarness();
    k.pod('web', { phase: 'Running' });
    expect((await k.run(['wait', '--for=jsonpath={.status.phase}=Running', 'pod/web'])).stdout).toBe('pod/web condition met\n');
    const p = k.run(['wait', '--for=delete', 'pod/web', '--timeout=30s']);
    await flush();
    k.server.request({ method: 'DELETE', path: '/api/v1/namespaces/default/pods/web', credentials: k.admin });
    k.runtime.settle();
    expect(await p).toEqual({ stdout: 'pod/web deleted\n', stderr: '', code: 0 });
    expect(await k.run(['wait', '--for=delete', 'pod/web'])).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('rejects unknown conditions and missing objects', async () => {
    const k = clusterHarness();
    expect((await k.run(['wait', '--for=ready', 'pod/web'])).stderr).toBe('error: unrecognized condition: "ready"\n');
    expect((await k.run(['wait', '--for=condition=Ready', 'pod/nope'])).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
