import { parse } from 'yaml';
import { DEFAULT_EPOCH } from '../../base/clock.ts';
import { Rand } from '../../base/rand.ts';
import { Runtime } from '../../base/runtime.ts';
import type { ClusterSpec } from '../../cluster/lab-definition.ts';
import { SimNetwork } from '../../cluster/network.ts';
import type { Host } from '../../host/host.ts';
import { createHost } from '../../host/image.ts';
import type { InterruptSignal, Process, Program, SystemServices } from '../../host/process.ts';
import { Collector, EMPTY_INPUT } from '../../host/streams.ts';
import { createKubeadmPki, type KubeadmPki } from '../../pki/index.ts';
import { writeKubeadmFiles } from '../kubeadm/files.ts';

let cachedPki: KubeadmPki | undefined;

/** StopSignal is a container's stop: raising it interrupts the program. */
export class StopSignal implements InterruptSignal {
  interrupted = false;
  private cbs: (() => void)[] = [];
  onInterrupt(cb: () => void): () => void {
    this.cbs.push(cb);
    return () => (this.cbs = this.cbs.filter((c) => c !== cb));
  }
  raise(): void {
    this.interrupted = true;
    for (const cb of this.cbs.splice(0)) cb();
  }
}

/** RunningProgram is a started program with its output and a way to stop it. */
export interface RunningProgram {
  stdout: Collector;
  stderr: Collector;
  done: Promise<number>;
  exited(): number | undefined;
  stop(): Promise<number>;
}

/**
 * controlPlaneHarness is a one-control-plane, one-worker world where
 * writeKubeadmFiles has run, with a way to start binaries on the control
 * plane as its static pods would (host network, the host's files). Test-only.
 */
export function controlPlaneHarness(version = '1.34.1', o: { installed?: boolean } = {}) {
  // A small world of its own (not cluster/World, which installs every host program).
  const runtime = new Runtime({ seed: 5, start: DEFAULT_EPOCH });
  const net = new SimNetwork();
  const hosts = new Map<string, Host>();
  const world = {
    runtime,
    net,
    editor: { edit: async () => ({ saved: false }) },
    mustHost: (name: string) => hosts.get(name)!,
    machines: () => [...hosts.keys()],
  };
  const spec: ClusterSpec = {
    name: 'kubernetes', context: 'kubernetes-admin@kubernetes', version, podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/12', addons: [],
    machines: [{ name: 'controlplane', role: 'control-plane', ip: '192.168.100.10' }, { name: 'node01', role: 'worker', ip: '192.168.100.11' }],
  };
  const peers = spec.machines.map((m) => ({ name: m.name, ip: m.ip }));
  for (const m of peers) {
    hosts.set(m.name, createHost({ ...m, clock: runtime.clock, peers }));
    net.addAddress(m.name, m.ip);
    net.addName(m.name, m.ip);
  }
  world.net.addAddress('controlplane', '127.0.0.1');
  // The PKI is made once per test file (its own seeded Rand keeps it deterministic): signing is the slow part of a harness.
  cachedPki ??= createKubeadmPki({ controlPlaneHost: 'controlplane', controlPlaneIp: '192.168.100.10', now: world.runtime.now, rand: new Rand(11), nodes: [{ name: 'node01', ip: '192.168.100.11' }] });
  const pki: KubeadmPki = cachedPki;
  if (o.installed !== false) writeKubeadmFiles(world, spec, pki);
  const host = world.mustHost('controlplane');
  const sys: SystemServices = {
    runtime: world.runtime,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        const t = world.runtime.after(ms, () => resolve(true));
        signal?.onInterrupt(() => {
          t.cancel();
          resolve(false);
        });
      }),
    net: world.net,
    hostIp: '192.168.100.10',
    machines: () => world.machines(),
    session: { login: () => {}, logout: () => {} },
    editor: world.editor,
    terminal: { columns: 80, rows: 24, interactive: false },
  };
  /** start runs a program as a static pod's container (or a root command) on a machine, the control plane by default. */
  function start(program: Program, argv: string[], on = 'controlplane'): RunningProgram {
    const m = peers.find((x) => x.name === on)!;
    const stdout = new Collector();
    const stderr = new Collector();
    const signal = new StopSignal();
    const p: Process = {
      argv, env: { PATH: '/usr/local/bin:/usr/bin:/bin' }, cwd: '/', hostname: on,
      user: { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash', groups: [0] },
      fs: world.mustHost(on).fs, stdin: EMPTY_INPUT, stdout, stderr, signal, sys: { ...sys, hostIp: m.ip },
    };
    let code: number | undefined;
    const done = program(p).then((c) => (code = c));
    return { stdout, stderr, done, exited: () => code, stop: () => (signal.raise(), done) };
  }
  /** command reads a manifest's container command. */
  function command(file: string): string[] {
    const pod = parse(host.fs.readFile(`/etc/kubernetes/manifests/${file}`)) as { spec: { containers: { command: string[] }[] } };
    return pod.spec.containers[0]!.command;
  }
  /** flush lets started programs run to their next wait. */
  async function flush(ms = 0): Promise<void> {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    if (ms) world.runtime.advance(ms);
    world.runtime.settle();
    for (let i = 0; i < 20; i++) await Promise.resolve();
  }
  return { world, spec, pki, host, sys, start, command, flush };
}
