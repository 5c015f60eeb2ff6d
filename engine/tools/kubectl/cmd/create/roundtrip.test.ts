import { describe, expect, it } from 'vitest';
import { labHarness } from './testing/lab.ts';

describe('generated manifests round-trip', () => {
  it('what --dry-run=client -o yaml prints can be applied and created', async () => {
    const k = labHarness();
    const dep = await k.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=80', '--dry-run=client', '-o', 'yaml']);
    k.write('web.yaml', dep.stdout);
    expect(await k.run(['apply', '-f', 'web.yaml'])).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', code: 0 });
    // kubectl 1.34's manifest has no creationTimestamp: null (1.33's made every re-apply "configured"): nothing to patch
    expect((await k.run(['apply', '-f', 'web.yaml'])).stdout).toBe('deployment.apps/web unchanged\n');
    const pod = await k.run(['run', 'bb', '--image=busybox', '--restart=Never', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '60']);
    k.write('bb.yaml', pod.stdout);
    expect((await k.run(['create', '-f', 'bb.yaml'])).stdout).toBe('pod/bb created\n');
    const svc = await k.run(['expose', 'deployment', 'web', '--port=80', '--dry-run=client', '-o', 'yaml']);
    k.write('svc.yaml', svc.stdout);
    expect((await k.run(['apply', '-f', 'svc.yaml'])).stdout).toBe('service/web created\n');
  });
});
