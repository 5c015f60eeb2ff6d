import { describe, expect, it } from 'vitest';
import { Collector } from '../../host/streams.ts';
import { R } from '../../client/refs.ts';
import type { ExecSession } from '../connector.ts';
import { nodeTestLab } from '../testing/harness.ts';

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels:
    role: myrole
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

describe('kubelet lifecycle', () => {
  it('runs a static pod from the manifest folder with a mirror pod, and removes it with the file', async () => {
    const t = await nodeTestLab();
    t.host.fs.mkdir('/etc/kubernetes/manifests', { recursive: true });
    t.host.fs.writeFile('/etc/kubernetes/manifests/static-web.yaml', MANIFEST);
    await t.advance(5000);
    const mirror = t.pod('static-web-node01');
    expect(mirror.metadata.annotations?.['kubernetes.io/config.mirror']).toBe(mirror.metadata.annotations?.['kubernetes.io/config.hash']);
    expect(mirror.metadata.annotations?.['kubernetes.io/config.source']).toBe('file');
    expect(mirror.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'node01', controller: true });
    expect((mirror.status as { phase: string }).phase).toBe('Running');
    // deleting the mirror pod does not stop the static pod: the kubelet creates the mirror again
    t.admin.delete(R.pods, 'default', 'static-web-node01');
    await t.advance(11_000);
    expect((t.pod('static-web-node01').status as { phase: string }).phase).toBe('Running');
    // a broken manifest is logged and not run
    t.host.fs.writeFile('/etc/kubernetes/manifests/broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\nspec:\n  containers:\n  - name: x\n');
    await t.advance(21_000);
    expect(() => t.pod('broken-node01')).toThrow('pods "broken-node01" not found');
    t.host.fs.unlink('/etc/kubernetes/manifests/static-web.yaml');
    await t.advance(21_000);
    expect(() => t.pod('static-web-node01')).toThrow('pods "static-web-node01" not found');
    expect([...t.cri.containers.values()].filter((c) => c.state === 'CONTAINER_RUNNING')).toEqual([]);
  });

  it('stops a deleted pod with its grace period, then deletes it', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'sleeper' }, spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'sh', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }] } });
    t.run({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
    await t.advance(5000);
    t.admin.delete(R.pods, 'default', 'sleeper');
    t.admin.delete(R.pods, 'default', 'web');
    await t.advance(2000);
    // nginx handles SIGTERM (quits at once); a shell as PID 1 ignores it and is killed after 30s
    expect(() => t.pod('web')).toThrow('not found');
    expect(t.pod('sleeper').metadata.deletionTimestamp).toBeDefined();
    expect(t.events('sleeper')).toContain('Normal Killing Stopping container sh');
    await t.advance(29_000);
    expect(() => t.pod('sleeper')).toThrow('not found');
  });

  it('serves logs and exec through the apiserver', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'counter' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'] }] } });
    t.run({ metadata: { name: 'two' }, spec: { containers: [{ name: 'a', image: 'busybox', command: ['sleep', '3600'] }, { name: 'b', image: 'busybox', command: ['sleep', '3600'] }] } });
    await t.advance(8000);
    const logs = t.admin.raw({ method: 'GET', path: '/api/v1/namespaces/default/pods/counter/log', query: { tailLines: '2' } });
    expect(logs.status).toBe(200);
    expect(String(logs.body)).toMatch(/^\d+: Mon Jan  5 09:00:\d\d UTC 2026\n\d+: Mon Jan  5 09:00:\d\d UTC 2026\n$/);
    const ts = t.admin.raw({ method: 'GET', path: '/api/v1/namespaces/default/pods/counter/log', query: { tailLines: '1', timestamps: 'true' } });
    expect(String(ts.body)).toMatch(/^2026-01-05T09:00:\d\d\.\d{9}Z \d+: /);
    const uid = t.pod('counter').metadata.uid;
    expect(t.host.fs.readFile(`/var/log/pods/default_counter_${uid}/c/0.log`)).toMatch(/^2026-01-05T09:00:0\d\.\d{9}Z stdout F 0: Mon Jan  5 09:00:0\d UTC 2026\n/);
    expect(t.host.fs.readdir('/var/log/containers').filter((n) => n.startsWith('counter_default_c-'))).toHaveLength(1);
    const two = t.admin.raw({ method: 'GET', path: '/api/v1/namespaces/default/pods/two/log' });
    expect([two.status, (two.body as { message: string }).message]).toEqual([400, 'a container name must be specified for pod two, choose one of: [a b]']);
    const prev = t.admin.raw({ method: 'GET', path: '/api/v1/namespaces/default/pods/counter/log', query: { previous: 'true' } });
    expect((prev.body as { message: string }).message).toBe('previous terminated container "c" in pod "counter" not found');
    const ex = t.admin.raw({ method: 'POST', path: '/api/v1/namespaces/default/pods/counter/exec', query: { command: ['cat', '/etc/hostname'], container: 'c' } });
    expect(ex.status).toBe(101);
    const out = new Collector();
    const code = await (ex.body as ExecSession).run({ stdout: out, stderr: out });
    expect([code, out.text]).toEqual([0, 'counter\n']);
    // an interactive shell (kubectl exec -it … -- sh): one shell across lines, busybox's prompt
    const { Channel } = await import('../../host/streams.ts');
    const tty = Object.assign(new Channel(), { isTTY: true });
    const it = t.admin.raw({ method: 'POST', path: '/api/v1/namespaces/default/pods/counter/exec', query: { command: ['sh'], stdin: 'true', tty: 'true' } });
    const screen = new Collector();
    const done = (it.body as ExecSession).run({ stdin: tty, stdout: screen, stderr: screen });
    tty.write('cd /etc\n');
    tty.write('cat hostname\n');
    tty.write('exit 3\n');
    expect(await done).toBe(3);
    expect(screen.text).toBe('/ # /etc # counter\n/etc # ');
    // a stopped kubelet cannot be reached: the apiserver answers the dial error
    t.kubelet.stop();
    const down = t.admin.raw({ method: 'GET', path: '/api/v1/namespaces/default/pods/counter/log' });
    expect((down.body as { message: string }).message).toBe('Get "https://192.168.100.11:10250/containerLogs/default/counter/c": dial tcp 192.168.100.11:10250: connect: connection refused');
  });
});
