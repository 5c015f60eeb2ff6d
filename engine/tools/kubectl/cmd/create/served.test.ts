import { describe, expect, it } from 'vitest';
import { labHarness } from './testing/lab.ts';

describe('kubectl create against the apiserver', () => {
  it('creates with each generator and reports what exists already', async () => {
    const k = labHarness();
    expect((await k.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=2'])).stdout).toBe('deployment.apps/web created\n');
    expect(await k.run(['create', 'deployment', 'web', '--image=nginx'])).toEqual({ stdout: '', stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n', code: 1 });
    expect((await k.run(['create', 'namespace', 'team'])).stdout).toBe('namespace/team created\n');
    expect((await k.run(['create', 'namespace', 'team'])).stderr).toBe('Error from server (AlreadyExists): namespaces "team" already exists\n');
    expect((await k.run(['create', 'configmap', 'cfg', '--from-literal=a=1', '-n', 'team'])).stdout).toBe('configmap/cfg created\n');
    expect((await k.run(['create', 'secret', 'generic', 's', '--from-literal=a=1', '--dry-run=server'])).stdout).toBe('secret/s created (server dry run)\n');
    expect(k.server.request({ method: 'GET', path: '/api/v1/namespaces/default/secrets/s', credentials: { token: 'admin' } }).status).toBe(404);
    expect((await k.run(['create', 'role', 'r', '--verb=get', '--resource=pods'])).stdout).toBe('role.rbac.authorization.k8s.io/r created\n');
    expect((await k.run(['create', 'rolebinding', 'rb', '--role=r', '--user=jane'])).stdout).toBe('rolebinding.rbac.authorization.k8s.io/rb created\n');
    expect((await k.run(['create', 'service', 'clusterip', 'web', '--tcp=80:8080'])).stdout).toBe('service/web created\n');
    const svc = await k.run(['create', 'service', 'nodeport', 'np', '--tcp=80', '-o', 'yaml']);
    expect(svc.stdout).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n/);
    expect(svc.stdout).toContain('  type: NodePort\n');
    expect(svc.stdout).not.toContain('managedFields');
  });

  it('creates from files, with --save-config, reporting each failure with its file', async () => {
    const k = labHarness();
    k.write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n');
    expect((await k.run(['create', '-f', 'cm.yaml', '--save-config'])).stdout).toBe('configmap/cfg created\n');
    const live = k.req('GET', '/api/v1/namespaces/default/configmaps/cfg');
    expect(live.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe('{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cfg","namespace":"default"}}\n');
    expect(await k.run(['create', '-f', 'cm.yaml'])).toEqual({ stdout: '', stderr: 'Error from server (AlreadyExists): error when creating "cm.yaml": configmaps "cfg" already exists\n', code: 1 });
    expect((await k.run(['create'])).stderr).toBe('error: must specify one of -f and -k\n');
    expect((await k.run(['create', 'nothing'])).stderr).toBe("error: Unexpected args: [nothing]\nSee 'kubectl create -h' for help and examples\n");
  });
});
