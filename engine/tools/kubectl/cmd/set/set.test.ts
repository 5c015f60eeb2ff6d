import { describe, expect, it } from 'vitest';
import { deployment, labHarness } from '../create/testing/lab.ts';

describe('kubectl set', () => {
  it('image, env and resources say nothing when the object would not change; serviceaccount always answers', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web', 'nginx'));
    const rv = () => k.req('GET', '/apis/apps/v1/namespaces/default/deployments/web').metadata.resourceVersion as string;
    expect(await k.run(['set', 'image', 'deploy/web', 'main=nginx'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect((await k.run(['set', 'image', 'deploy/web', 'main=nginx', '--dry-run=client'])).stdout).toBe('');
    expect((await k.run(['set', 'resources', 'deploy', 'web', '--limits=cpu=1'])).stdout).toBe('deployment.apps/web resource requirements updated\n');
    const before = rv();
    expect((await k.run(['set', 'resources', 'deploy', 'web', '--limits=cpu=1'])).stdout).toBe('');
    expect((await k.run(['set', 'resources', 'deploy', 'web', '--limits=cpu=1', '-o', 'name'])).stdout).toBe('');
    expect((await k.run(['set', 'env', 'deploy/web', 'A=1'])).stdout).toBe('deployment.apps/web env updated\n');
    expect((await k.run(['set', 'env', 'deploy/web', 'A=1'])).stdout).toBe('');
    expect((await k.run(['set', 'env', 'deploy/web', 'A-'])).stdout).toBe('deployment.apps/web env updated\n');
    expect((await k.run(['set', 'env', 'deploy/web', 'A-'])).stdout).toBe('');
    expect(rv()).not.toBe(before);
    expect((await k.run(['set', 'sa', 'deploy', 'web', 'default'])).stdout).toBe('deployment.apps/web serviceaccount updated\n');
    expect((await k.run(['set', 'sa', 'deploy', 'web', 'default'])).stdout).toBe('deployment.apps/web serviceaccount updated\n');
  });

  it('gives kubectl\'s errors for a bad quantity and a selector on something other than a Service', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web', 'nginx'));
    expect((await k.run(['set', 'resources', 'deploy', 'web', '--limits=cpu=abc'])).stderr).toBe("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n");
    expect((await k.run(['set', 'selector', 'deploy', 'web', 'app=x'])).stderr).toBe('error: setting a selector is only supported for Services\n');
  });
});
