import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../api/transport.ts';
import { testApiServer } from '../testing/harness.ts';

const admin = { token: 'admin' };

function setup(phase: string) {
  const h = testApiServer();
  const call = (method: ApiRequest['method'], path: string, body?: unknown) => h.server.request({ method, path, body, credentials: admin });
  call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  call('POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  const pod = call('GET', '/api/v1/namespaces/default/pods/web').body as Record<string, unknown>;
  call('PUT', '/api/v1/namespaces/default/pods/web/status', { ...pod, status: { phase, conditions: [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False' }] } });
  const pdb = (name: string, status: Record<string, unknown>) => {
    const created = call('POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } }).body as Record<string, unknown>;
    call('PUT', `/apis/policy/v1/namespaces/default/poddisruptionbudgets/${name}/status`, { ...created, status: { observedGeneration: 1, ...status } });
  };
  const evict = () => call('POST', '/api/v1/namespaces/default/pods/web/eviction', { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web', namespace: 'default' } });
  const exists = () => call('GET', '/api/v1/namespaces/default/pods/web').status === 200;
  return { call, pdb, evict, exists };
}

describe('pods/eviction', () => {
  it('refuses with 429 and the budget in the cause when no disruption is allowed', () => {
    const t = setup('Running');
    t.pdb('min', { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 });
    const r = t.evict();
    expect(r.status).toBe(429);
    expect(r.body).toMatchObject({ reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget.", details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget min needs 1 healthy pods and has 1 currently' }] } });
    expect(t.exists()).toBe(true);
  });

  it('a budget the controller has not yet observed is "still being processed"', () => {
    const t = setup('Running');
    t.pdb('min', { observedGeneration: 0, disruptionsAllowed: 1 });
    const r = t.evict();
    expect(r.status).toBe(429);
    expect(r.body).toMatchObject({ details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget min is still being processed by the server.' }], retryAfterSeconds: 10 } });
  });

  it('a pending pod is deleted whatever the budget says', () => {
    const t = setup('Pending');
    t.pdb('min', { disruptionsAllowed: 0 });
    expect(t.evict().status).toBe(201);
    expect(t.exists()).toBe(false);
  });

  it('two budgets over one pod are an error of the server', () => {
    const t = setup('Running');
    t.pdb('a', { disruptionsAllowed: 1 });
    t.pdb('b', { disruptionsAllowed: 1 });
    const r = t.evict();
    expect(r.status).toBe(500);
    expect(r.body).toMatchObject({ message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' });
    expect(t.exists()).toBe(true);
  });
});
