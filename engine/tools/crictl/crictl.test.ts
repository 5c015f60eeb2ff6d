import { describe, expect, it } from 'vitest';
import { crictlLab } from './testing/lab.ts';
import { runOn } from '../../host/systemd/testing/lab.ts';
import { crictl } from './program.ts';
import { registerNodeEnv } from '../../node/service/registry.ts';
import { humanDuration, humanSize, tabwrite } from './format.ts';

const lab = crictlLab;

describe('crictl', () => {
  it('formats like go-units and tabwriter (minwidth 20, padding 3)', () => {
    expect(humanDuration(500)).toBe('Less than a second');
    expect(humanDuration(65_000)).toBe('About a minute');
    expect(humanDuration(3 * 3_600_000)).toBe('3 hours');
    expect(humanSize(72_080_558)).toBe('72.1MB');
    expect(humanSize(320_448)).toBe('320kB');
    expect(tabwrite([['A', 'LONG-HEADER-NAME-1234', 'Z'], ['x', 'y', 'zz']])).toBe(`A                   LONG-HEADER-NAME-1234   Z\nx                   y                       zz\n`);
  });

  it('lists containers, pods and images of the node, and shows logs', async () => {
    const { t, run } = await lab();
    t.run({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
    t.run({ metadata: { name: 'crash', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo oops; exit 1'] }] } });
    await t.advance(8_000);
    const ps = await run('ps');
    const lines = ps.stdout.split('\n');
    expect(lines[0]).toBe('CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE');
    expect(lines[1]).toMatch(/^[0-9a-f]{13}       [0-9a-f]{13}       \d seconds ago       Running             nginx               0                   [0-9a-f]{13}       web                 default$/);
    expect(lines.length).toBe(3);
    const all = await run('ps', '-a', '--name', 'app');
    expect(all.stdout.split('\n').slice(1, -1).every((l) => /Exited\s+app\s+\d+/.test(l))).toBe(true);
    const pods = await run('pods');
    expect(pods.stdout.split('\n')[0]).toBe('POD ID              CREATED             STATE               NAME                NAMESPACE           ATTEMPT             RUNTIME');
    expect(pods.stdout).toMatch(/\n[0-9a-f]{13}       \d seconds ago       Ready               web                 default             0                   \(default\)\n/);
    const images = await run('images');
    expect(images.stdout).toMatch(/^IMAGE                       TAG                 IMAGE ID            SIZE\ndocker\.io\/library\/busybox   1\.36                [0-9a-f]{13}       2\.17MB\ndocker\.io\/library\/nginx     1\.27                [0-9a-f]{13}       72\.3MB\n$/);
    const id = (await run('ps', '-a', '-q', '--name', 'app')).stdout.split('\n')[0]!;
    expect((await run('logs', id.slice(0, 13))).stdout).toBe('oops\n');
    expect((await run('version')).stdout).toBe('Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.7.28\nRuntimeApiVersion:  v1\n');
    const web = (await run('ps', '-q', '--name', 'nginx')).stdout.trim();
    const ex = await run('exec', web, 'nginx', '-v');
    expect(ex.stderr).toBe('nginx version: nginx/1.27.5\n');
  });

  it('needs root to reach the socket', async () => {
    const { t } = await lab();
    const r = await runOn({ runtime: t.runtime, host: t.host }, crictl, ['crictl', 'ps'], { user: 'candidate' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///run/containerd/containerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: permission denied\\""');
  });

  it('cannot reach containerd while its service is stopped (the socket is gone)', async () => {
    const { t, run } = await lab();
    registerNodeEnv(t.runtime, 'node01', { host: t.host, cri: t.cri, nodeIp: '192.168.100.11', controlPlane: false, kubeletVersion: 'v1.34.3', containerdUp: false });
    const r = await run('ps');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^time="[^"]+" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:\/\/\/run\/containerd\/containerd\.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix \/run\/containerd\/containerd\.sock: connect: no such file or directory\\""\n$/);
  });
});
