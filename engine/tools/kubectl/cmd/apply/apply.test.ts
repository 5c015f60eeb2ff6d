import { describe, expect, it } from 'vitest';
import { labHarness } from '../create/testing/lab.ts';

const CM = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n    app: demo\ndata:\n${data}`;

const DEPLOY = (env: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: main
        image: nginx
        env:
${env}`;

describe('kubectl apply', () => {
  it('creates, configures and leaves unchanged, with the last-applied annotation', async () => {
    const k = labHarness();
    k.write('cm.yaml', CM('  a: "1"\n  b: "2"\n'));
    expect((await k.run(['apply', '-f', 'cm.yaml'])).stdout).toBe('configmap/cfg created\n');
    expect((await k.run(['apply', '-f', 'cm.yaml'])).stdout).toBe('configmap/cfg unchanged\n');
    k.write('cm.yaml', CM('  a: "1"\n'));
    expect((await k.run(['apply', '-f', 'cm.yaml'])).stdout).toBe('configmap/cfg configured\n');
    const live = k.req('GET', '/api/v1/namespaces/default/configmaps/cfg');
    expect(live.data).toEqual({ a: '1' });
    const view = await k.run(['apply', 'view-last-applied', 'configmap/cfg']);
    expect(view.stdout).toBe('apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  annotations: {}\n  labels:\n    app: demo\n  name: cfg\n  namespace: default\n');
  });

  it('removes a list item the manifest dropped, keeping items others added', async () => {
    const k = labHarness();
    k.write('d.yaml', DEPLOY('        - name: A\n          value: "1"\n        - name: B\n          value: "2"\n'));
    await k.run(['apply', '-f', 'd.yaml']);
    await k.run(['set', 'env', 'deployment/web', 'EXTRA=x']);
    k.write('d.yaml', DEPLOY('        - name: A\n          value: "1"\n'));
    expect((await k.run(['apply', '-f', 'd.yaml'])).stdout).toBe('deployment.apps/web configured\n');
    const live = k.req('GET', '/apis/apps/v1/namespaces/default/deployments/web') as unknown as { spec: { template: { spec: { containers: { env: { name: string }[] }[] } } } };
    expect(live.spec.template.spec.containers[0]!.env.map((e) => e.name).sort()).toEqual(['A', 'EXTRA']);
  });

  it('prints dry runs and objects, and warns about objects created without apply', async () => {
    const k = labHarness();
    k.write('cm.yaml', CM('  a: "1"\n'));
    expect((await k.run(['apply', '-f', 'cm.yaml', '--dry-run=client'])).stdout).toBe('configmap/cfg created (dry run)\n');
    expect((await k.run(['apply', '-f', 'cm.yaml', '--dry-run=server'])).stdout).toBe('configmap/cfg created (server dry run)\n');
    await k.run(['create', 'configmap', 'cfg', '--from-literal=a=0']);
    const r = await k.run(['apply', '-f', 'cm.yaml']);
    expect(r.stderr).toBe(
      'Warning: resource configmaps/cfg is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(r.stdout).toBe('configmap/cfg configured\n');
    const y = await k.run(['apply', '-f', 'cm.yaml', '-o', 'name']);
    expect(y.stdout).toBe('configmap/cfg\n');
  });

  it('applies server-side, and checks the server-side flags as kubectl does', async () => {
    const k = labHarness();
    k.write('cm.yaml', CM('  a: "1"\n'));
    expect((await k.run(['apply', '-f', 'cm.yaml', '--server-side'])).stdout).toBe('configmap/cfg serverside-applied\n');
    k.write('cm.yaml', CM('  a: "2"\n'));
    expect((await k.run(['apply', '-f', 'cm.yaml', '--server-side', '--force-conflicts'])).stdout).toBe('configmap/cfg serverside-applied\n');
    expect((k.req('GET', '/api/v1/namespaces/default/configmaps/cfg').data as Record<string, string>).a).toBe('2');
    expect((await k.run(['apply', '-f', 'cm.yaml', '--force-conflicts'])).stderr).toBe('error: --force-conflicts only works with --server-side\n');
    expect((await k.run(['apply', '-f', 'cm.yaml', '--server-side', '--dry-run=client'])).stderr).toBe("error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n");
  });

  it('prunes objects it applied before that the manifests no longer name', async () => {
    const k = labHarness();
    k.write('m/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    set: s\n');
    k.write('m/b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  labels:\n    set: s\n');
    expect((await k.run(['apply', '-f', 'm/'])).stdout).toBe('configmap/a created\nconfigmap/b created\n');
    k.host.fs.unlink('/root/m/b.yaml');
    expect((await k.run(['apply', '-f', 'm/', '--prune', '-l', 'set=s'])).stdout).toBe('configmap/a unchanged\nconfigmap/b pruned\n');
    expect((await k.run(['apply', '-f', 'm/', '--prune'])).stderr).toMatch(/^error: all resources selected for prune without explicitly passing --all/);
  });

  it('reads stdin with -f -', async () => {
    const k = labHarness();
    const r = await k.run(['apply', '-f', '-'], CM('  a: "1"\n'));
    expect(r.stdout).toBe('configmap/cfg created\n');
  });
});
