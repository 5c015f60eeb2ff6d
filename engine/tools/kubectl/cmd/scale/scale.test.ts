import { describe, expect, it } from 'vitest';
import { deployment, labHarness } from '../create/testing/lab.ts';

describe('kubectl scale', () => {
  it('a kind without a scale subresource gets the server 404, after the scalable ones before it are scaled', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web', 'nginx', 1));
    k.req('POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const r = await k.run(['scale', 'deployment/web', 'pod/p', '--replicas=2']);
    expect(r.stdout).toBe('deployment.apps/web scaled\n');
    expect(r.stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n');
    expect(r.code).toBe(1);
    expect(k.req('GET', '/apis/apps/v1/namespaces/default/deployments/web').spec.replicas).toBe(2);
  });

  it('--current-replicas is checked against the scale subresource before anything changes', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web', 'nginx', 3));
    const r = await k.run(['scale', 'deployment', 'web', '--replicas=5', '--current-replicas=2']);
    expect(r.stderr).toBe('error: Expected replicas to be 2, was 3\n');
    expect(k.req('GET', '/apis/apps/v1/namespaces/default/deployments/web').spec.replicas).toBe(3);
  });
});
