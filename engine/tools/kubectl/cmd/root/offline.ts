import { Runtime } from '../../../../base/runtime.ts';
import { SimNetwork } from '../../../../cluster/network.ts';
import { Host } from '../../../../host/host.ts';
import type { Process, SystemServices } from '../../../../host/process.ts';
import { Collector, EMPTY_INPUT } from '../../../../host/streams.ts';
import { runKubectl } from '../../program.ts';
import { noInterrupt } from '../../testing/harness.ts';

/**
 * offlineKubectl runs kubectl in-process on a host with no cluster: for
 * commands that only read files and flags (config, help, completion).
 */
export function offlineKubectl() {
  const runtime = new Runtime({ start: Date.UTC(2026, 0, 1), seed: 1 });
  const host = new Host({ name: 'terminal', ip: '192.168.1.2', clock: runtime.clock });
  host.fs.mkdir('/root', { recursive: true });
  const sys: SystemServices = {
    runtime,
    sleep: (ms) => new Promise((resolve) => runtime.after(ms, () => resolve(true))),
    net: new SimNetwork(),
    hostIp: '192.168.1.2',
    machines: () => ['terminal'],
    session: { login: () => {}, logout: () => {} },
    editor: { edit: async () => ({ saved: false }) },
    terminal: { columns: 80, rows: 24, interactive: false },
  };
  async function run(argv: string[], env: Record<string, string> = {}) {
    const stdout = new Collector();
    const stderr = new Collector();
    const p: Process = {
      argv: ['kubectl', ...argv],
      env: { HOME: '/root', PATH: '/usr/bin:/bin', ...env },
      cwd: '/root',
      hostname: 'terminal',
      user: { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash', groups: [0] },
      fs: host.fs,
      stdin: EMPTY_INPUT,
      stdout,
      stderr,
      signal: noInterrupt,
      sys,
    };
    const code = await runKubectl(p, argv);
    return { stdout: stdout.text, stderr: stderr.text, code };
  }
  return { host, runtime, run };
}
