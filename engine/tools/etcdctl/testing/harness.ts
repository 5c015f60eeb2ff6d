import { Runtime } from '../../../base/runtime.ts';
import { SimNetwork } from '../../../cluster/network.ts';
import { Host } from '../../../host/host.ts';
import type { InterruptSignal, Process, Program, SystemServices } from '../../../host/process.ts';
import type { TlsConfig } from '../../../host/net.ts';
import { Collector, EMPTY_INPUT, StringReader } from '../../../host/streams.ts';
import { MvccStore } from '../../../store/mvcc.ts';
import { etcdService } from '../../../controlplane/etcd/service.ts';
import { ETCD_PROTOCOL, type EtcdService } from '../../../controlplane/etcd/wire.ts';

const noInterrupt: InterruptSignal = { interrupted: false, onInterrupt: () => () => {} };

/** EtcdHarnessOptions shape the member the harness serves. */
export interface EtcdHarnessOptions {
  clusterId?: string;
  memberId?: string;
  name?: string;
  clientPort?: number;
  peerUrl?: string;
  tls?: TlsConfig;
}

/**
 * etcdHarness runs etcdctl/etcdutl in-process as root on a host "controlplane"
 * (127.0.0.1 and 192.168.1.10) where a single etcd member listens. Test-only.
 */
export function etcdHarness(o: EtcdHarnessOptions = {}) {
  const runtime = new Runtime({ start: Date.UTC(2026, 0, 5, 10, 0, 0), seed: 7 });
  const net = new SimNetwork();
  net.addAddress('controlplane', '192.168.1.10');
  net.addAddress('controlplane', '127.0.0.1');
  net.addName('controlplane', '192.168.1.10');
  net.addName('localhost', '127.0.0.1');
  const host = new Host({ name: 'controlplane', ip: '192.168.1.10', clock: runtime.clock });
  host.fs.mkdir('/root', { recursive: true });
  host.fs.mkdir('/tmp', { recursive: true });
  const port = o.clientPort ?? 2379;
  const store = new MvccStore({ clusterId: o.clusterId, memberId: o.memberId, clock: runtime.clock });
  const service: EtcdService = etcdService(store, { name: o.name ?? 'controlplane', peerUrls: [o.peerUrl ?? 'https://192.168.1.10:2380'], clientUrls: [`${o.tls ? 'https' : 'http'}://127.0.0.1:${port}`], version: '3.5.21' });
  const listener = net.listen('controlplane', '0.0.0.0', port, { protocol: ETCD_PROTOCOL, tls: o.tls, handler: service });
  const sys: SystemServices = {
    runtime,
    sleep: (ms) => new Promise((resolve) => runtime.after(ms, () => resolve(true))),
    net,
    hostIp: '192.168.1.10',
    machines: () => ['controlplane'],
    session: { login: () => {}, logout: () => {} },
    editor: { edit: async () => ({ saved: false }) },
    terminal: { columns: 80, rows: 24, interactive: false },
  };
  /** run runs a program with argv, advancing simulated time until it ends. */
  async function run(program: Program, argv: string[], opts: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}) {
    const stdout = new Collector();
    const stderr = new Collector();
    const p: Process = {
      argv,
      env: { HOME: '/root', PATH: '/usr/bin:/bin', ...opts.env },
      cwd: opts.cwd ?? '/root',
      hostname: 'controlplane',
      user: { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash', groups: [0] },
      fs: host.fs,
      stdin: opts.stdin === undefined ? EMPTY_INPUT : new StringReader(opts.stdin),
      stdout,
      stderr,
      signal: noInterrupt,
      sys,
    };
    let done = false;
    const promise = program(p).then((c) => {
      done = true;
      return c;
    });
    for (let i = 0; i < 100 && !done; i++) {
      await Promise.resolve();
      await new Promise((r) => queueMicrotask(() => r(undefined)));
      if (!done) runtime.advance(1000);
    }
    const code = await promise;
    return { stdout: stdout.text, stderr: stderr.text, code };
  }
  return { runtime, net, host, store, service, listener, run };
}
