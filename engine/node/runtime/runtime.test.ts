import { beforeAll, describe, expect, it } from 'vitest';
import { loadShellParser } from '../../shell/parser/load.ts';
import { Runtime } from '../../base/runtime.ts';
import { DEFAULT_EPOCH } from '../../base/clock.ts';
import { SimNetwork } from '../../cluster/network.ts';
import { advance } from '../testing/advance.ts';
import { Collector } from '../../host/streams.ts';
import type { HttpHandler } from '../../host/net.ts';
import { makeImageCatalog } from '../images/catalog.ts';
import { WORKLOAD_IMAGES } from '../images/workloads.ts';
import { ContainerRuntime } from './runtime.ts';
import { Interrupt } from '../../host/interrupt.ts';
import { BURST_SLICES, CPU_SLICE_MS } from './services.ts';
import { STEPS_PER_SLICE } from '../../shell/interp/interp.ts';
import { renderLog } from './logs.ts';
import type { SandboxConfig } from './types.ts';

function setup() {
  const runtime = new Runtime({ start: DEFAULT_EPOCH, seed: 7 });
  const net = new SimNetwork();
  net.addAddress('node01', '192.168.100.11');
  const cri = new ContainerRuntime({ runtime, net, catalog: makeImageCatalog(WORKLOAD_IMAGES), nodeName: 'node01', nodeIp: '192.168.100.11' });
  const sandbox = (name: string, ip: string): SandboxConfig => ({ name, namespace: 'default', uid: `uid-${name}`, attempt: 0, hostname: name, ip, labels: {}, annotations: {}, etcFiles: { '/etc/hostname': `${name}\n` }, podLabels: {} });
  const pull = (ref: string) => new Promise<ReturnType<typeof Object>>((resolve) => cri.images.pull(ref, resolve));
  return { runtime, net, cri, sandbox, pull };
}

describe('container runtime', () => {
  beforeAll(async () => {
    await loadShellParser();
  });
  it('pulls in simulated time and fails unknown tags with containerd\'s text', async () => {
    const { runtime, cri, pull } = setup();
    const ok = pull('nginx:1.27');
    const bad = pull('nginx:doesnotexist');
    const hub = pull('ngnix');
    await advance(runtime, 10_000);
    expect(await ok).toMatchObject({ ok: true });
    expect(await bad).toEqual({ ok: false, error: 'failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found' });
    expect((await hub) as { error: string }).toMatchObject({ error: expect.stringContaining('pull access denied, repository does not exist or may require authorization') });
    expect(cri.images.find('docker.io/library/nginx:1.27')?.repoTags).toEqual(['docker.io/library/nginx:1.27']);
  });

  it('runs nginx reachable on the pod IP and a shell loop whose output is logged', async () => {
    const { runtime, net, cri, sandbox, pull } = setup();
    pull('nginx:1.27');
    pull('busybox');
    await advance(runtime, 5000);
    const sb = cri.runPodSandbox(sandbox('web', '10.244.1.2'));
    const web = cri.createContainer(sb.id, { name: 'web', attempt: 0, image: 'nginx:1.27', command: [], args: [], env: {}, mounts: [], labels: {}, annotations: {} });
    if ('error' in web) throw new Error(web.error);
    expect(cri.startContainer(web.id)).toEqual({});
    await advance(runtime, 100);
    const l = net.dial({ host: 'node01', ip: '192.168.100.11' }, '10.244.1.2', 80);
    const res = await (l.handler as HttpHandler).handle({ method: 'GET', path: '/', headers: {}, body: '', host: '10.244.1.2', tls: false }, { host: 'node01', ip: '192.168.100.11' });
    expect(res.body).toContain('<h1>Welcome to nginx!</h1>');
    // nginx's headers for a static file, in its order: type from mime.types, the file's time, the ETag made of time and size
    expect(Object.keys(res.headers)).toEqual(['server', 'date', 'content-type', 'content-length', 'last-modified', 'connection', 'etag', 'accept-ranges']);
    expect(res.headers).toMatchObject({ 'content-type': 'text/html', 'content-length': '615', etag: expect.stringMatching(/^"[0-9a-f]+-267"$/), 'accept-ranges': 'bytes' });
    expect(renderLog(web.log.lines)).toContain('Configuration complete; ready for start up\n');
    const out = new Collector();
    const code = await (cri.exec(web.id, ['nginx', '-v'], { stdout: out, stderr: out }) as Promise<number>);
    expect([code, out.text]).toEqual([0, 'nginx version: nginx/1.27.5\n']);

    const sb2 = cri.runPodSandbox(sandbox('loop', '10.244.1.3'));
    const loop = cri.createContainer(sb2.id, { name: 'loop', attempt: 0, image: 'busybox', command: ['sh', '-c', 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 5; done'], args: [], env: {}, mounts: [], labels: {}, annotations: {} });
    if ('error' in loop) throw new Error(loop.error);
    cri.startContainer(loop.id);
    await advance(runtime, 12_000);
    expect(renderLog(loop.log.lines)).toBe('tick 0\ntick 1\ntick 2\n');
    cri.stopContainer(loop.id, 30);
    await advance(runtime, 29_000);
    expect(loop.state).toBe('CONTAINER_RUNNING');
    await advance(runtime, 2_000);
    expect([loop.state, loop.exitCode]).toEqual(['CONTAINER_EXITED', 137]);
  });

  it('runs busy loops in simulated CPU time: the clock, other work, exec and stop carry on', async () => {
    const { runtime, cri, sandbox, pull } = setup();
    pull('busybox');
    await advance(runtime, 5000);
    const start = (name: string, ip: string, script: string) => {
      const sb = cri.runPodSandbox(sandbox(name, ip));
      const c = cri.createContainer(sb.id, { name, attempt: 0, image: 'busybox', command: ['sh', '-c', script], args: [], env: {}, mounts: [], labels: {}, annotations: {} });
      if ('error' in c) throw new Error(c.error);
      expect(cri.startContainer(c.id)).toEqual({});
      return c;
    };
    const spin = start('spin', '10.244.1.5', 'while true; do :; done');
    const count = start('count', '10.244.1.6', 'i=0; while true; do i=$((i+1)); echo $i; done');
    let beats = 0;
    runtime.every(1000, () => beats++, 'heartbeat');
    await advance(runtime, 10_000);
    expect(beats).toBe(10);
    expect([spin.state, count.state]).toEqual(['CONTAINER_RUNNING', 'CONTAINER_RUNNING']);
    // A burst of BURST_SLICES at a millisecond each, then CPU_SLICE_MS a slice; a line costs four steps (true, the assignment, echo, the loop's turn).
    const printed = Number(count.log.lines[count.log.lines.length - 1]!.text);
    const expected = ((BURST_SLICES + (10_000 - BURST_SLICES) / CPU_SLICE_MS) * STEPS_PER_SLICE) / 4;
    expect(printed).toBeGreaterThan(expected * 0.8);
    expect(printed).toBeLessThan(expected * 1.2);
    // A busy loop run with exec ends on its signal (kubectl exec's Ctrl-C).
    const signal = new Interrupt();
    const execd = cri.exec(spin.id, ['sh', '-c', 'while :; do :; done'], { stdout: new Collector(), stderr: new Collector(), signal });
    if ('error' in execd) throw new Error(execd.error);
    runtime.after(3000, () => signal.raise(130));
    await advance(runtime, 5000);
    expect(await execd).toBe(137);
    // A loop that ends after a few thousand turns runs within its burst: well under a simulated second.
    const out = new Collector();
    const t0 = runtime.now;
    const bounded = cri.exec(count.id, ['sh', '-c', 'i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; echo $i'], { stdout: out, stderr: out });
    if ('error' in bounded) throw new Error(bounded.error);
    let finished = -1;
    void bounded.then(() => (finished = runtime.now));
    await advance(runtime, 1000);
    expect([await bounded, out.text]).toEqual([0, '3000\n']);
    expect(finished - t0).toBeLessThan(BURST_SLICES);
    // sh as PID 1 ignores SIGTERM: the kubelet's SIGKILL after the grace period ends it.
    cri.stopContainer(spin.id, 30);
    await advance(runtime, 31_000);
    expect([spin.state, spin.exitCode]).toEqual(['CONTAINER_EXITED', 137]);
    expect(count.state).toBe('CONTAINER_RUNNING');
  });

  it('fails to start a missing executable like runc', async () => {
    const { runtime, cri, sandbox, pull } = setup();
    pull('busybox');
    await advance(runtime, 5000);
    const sb = cri.runPodSandbox(sandbox('x', '10.244.1.4'));
    const c = cri.createContainer(sb.id, { name: 'x', attempt: 0, image: 'busybox', command: ['nosuchcmd'], args: [], env: {}, mounts: [], labels: {}, annotations: {} });
    if ('error' in c) throw new Error(c.error);
    expect(cri.startContainer(c.id).error).toContain('exec: "nosuchcmd": executable file not found in $PATH: unknown');
    expect([c.state, c.exitCode, c.reason]).toEqual(['CONTAINER_EXITED', 128, 'StartError']);
  });
});
