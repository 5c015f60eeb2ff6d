import type { ResourceDef } from '../../../api/types.ts';
import type { AdmissionPlugin } from '../../../apiserver/admission/types.ts';
import { testApiServer } from '../../../apiserver/testing/harness.ts';
import { SimNetwork } from '../../../cluster/network.ts';
import { Host } from '../../../host/host.ts';
import type { InterruptSignal, Process, SystemServices } from '../../../host/process.ts';
import { Collector, StringReader, EMPTY_INPUT } from '../../../host/streams.ts';
import type { User } from '../../../host/types.ts';
import { runKubectl } from '../program.ts';

const ROOT_USER: User = { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash', groups: [0] };

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://controlplane:6443
    insecure-skip-tls-verify: true
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: admin
  name: admin@kubernetes
current-context: admin@kubernetes
users:
- name: admin
  user:
    token: admin
`;

/** noInterrupt is an InterruptSignal that never fires. */
export const noInterrupt: InterruptSignal = { interrupted: false, onInterrupt: () => () => {} };

/**
 * kubectlHarness runs kubectl in-process against a real apiserver (over a real
 * store) through the simulated network, as root on a small host whose
 * ~/.kube/config names a cluster-admin token. For unit tests of commands;
 * whole-lab scenarios use the lab itself.
 */
export function kubectlHarness(opts: { defs?: ResourceDef[]; admission?: AdmissionPlugin[] } = {}) {
  const api = testApiServer(opts);
  const { runtime, server } = api;
  const net = new SimNetwork();
  net.addAddress('controlplane', '192.168.1.10');
  net.addName('controlplane', '192.168.1.10');
  net.addAddress('terminal', '192.168.1.2');
  net.listen('controlplane', '0.0.0.0', 6443, { protocol: 'kube-api', tls: { certPem: '' }, handler: server });
  const host = new Host({ name: 'terminal', ip: '192.168.1.2', clock: runtime.clock });
  host.fs.mkdir('/root/.kube', { recursive: true });
  host.fs.mkdir('/tmp', { recursive: true });
  host.fs.writeFile('/root/.kube/config', KUBECONFIG);
  const sys: SystemServices = {
    runtime,
    sleep: (ms) => new Promise((resolve) => runtime.after(ms, () => resolve(true))),
    net,
    hostIp: '192.168.1.2',
    machines: () => ['terminal', 'controlplane'],
    session: { login: () => {}, logout: () => {} },
    editor: { edit: async () => ({ saved: false }) },
    terminal: { columns: 80, rows: 24, interactive: false },
  };
  /** run runs `kubectl <argv>` and settles the cluster before and after. */
  async function run(argv: string[], stdin?: string) {
    runtime.settle();
    const stdout = new Collector();
    const stderr = new Collector();
    const p: Process = {
      argv: ['kubectl', ...argv],
      env: { HOME: '/root', PATH: '/usr/local/bin:/usr/bin:/bin' },
      cwd: '/root',
      hostname: 'terminal',
      user: ROOT_USER,
      fs: host.fs,
      stdin: stdin === undefined ? EMPTY_INPUT : new StringReader(stdin),
      stdout,
      stderr,
      signal: noInterrupt,
      sys,
    };
    const code = await runKubectl(p, argv);
    runtime.settle();
    return { stdout: stdout.text, stderr: stderr.text, code };
  }
  return { ...api, net, host, sys, run };
}
