import type { Process, Program } from '../../host/process.ts';
import { klogHeader, makeKlog } from '../kubelet/klog.ts';
import { parseKubeletConfig } from '../kubelet/config.ts';
import { startKubelet } from '../kubelet/kubelet.ts';
import { kubeconfigClient } from './kubeconfig-client.ts';
import { binaryVersion } from '../../host/packages/index.ts';
import { tlsBootstrap } from './tls-bootstrap.ts';
import { nodeEnvFor } from './registry.ts';

/** KUBELET_FLAGS are the flags the kubelet accepts (with a value unless listed in BOOL_FLAGS). */
const KUBELET_FLAGS = new Set([
  'config', 'kubeconfig', 'bootstrap-kubeconfig', 'container-runtime-endpoint', 'node-ip', 'pod-infra-container-image', 'hostname-override',
  'v', 'cert-dir', 'root-dir', 'node-labels', 'register-with-taints', 'cgroup-driver', 'runtime-request-timeout', 'image-service-endpoint',
  'provider-id', 'max-pods', 'pod-manifest-path', 'cluster-dns', 'cluster-domain', 'resolv-conf', 'fail-swap-on', 'feature-gates', 'version',
]);
const BOOL_FLAGS = new Set(['fail-swap-on', 'version', 'help']);

function parseFlags(argv: string[]): { flags: Map<string, string> } | { error: string } {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) continue;
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    if (!KUBELET_FLAGS.has(name) && !BOOL_FLAGS.has(name)) return { error: `failed to parse kubelet flag: unknown flag: ${a.startsWith('--') ? `--${name}` : `-${name}`}` };
    if (eq >= 0) flags.set(name, body.slice(eq + 1));
    else if (BOOL_FLAGS.has(name)) flags.set(name, 'true');
    else if (i + 1 < argv.length) flags.set(name, argv[++i]!);
    else return { error: `failed to parse kubelet flag: flag needs an argument: ${a}` };
  }
  return { flags };
}

/** criError is the kubelet's failure when the CRI endpoint does not answer at start. */
function criError(endpoint: string): string {
  return `failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint "${endpoint}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${endpoint.replace('unix://', '')}: connect: no such file or directory"`;
}

/**
 * kubelet is /usr/bin/kubelet as systemd runs it: flags from 10-kubeadm.conf
 * and kubeadm-flags.env, the configuration file, the kubeconfig, then the
 * node agent until it is stopped. Bad flags or files end it with the real
 * kubelet's "command failed" line, which systemd's restart loop repeats.
 */
export const kubeletProgram: Program = async (p: Process) => {
  const runtime = p.sys.runtime;
  // klog prints the process's own pid: the newest kubelet in the table when this one starts, remembered, so
  // the last lines of a stopped kubelet keep its pid while its successor runs.
  let ownPid: number | undefined;
  const pid = () => (ownPid ??= Math.max(1, ...(p.sys.processes?.() ?? []).filter((x) => x.command.startsWith('/usr/bin/kubelet')).map((x) => x.pid)));
  pid();
  const fail = (err: string) => {
    p.stderr.write(`${klogHeader('E', runtime.now, pid(), 'run.go:72')}"command failed" err=${JSON.stringify(err)}\n`);
    return 1;
  };
  const parsed = parseFlags(p.argv.slice(1));
  if ('error' in parsed) return fail(parsed.error);
  const flags = parsed.flags;
  const env = nodeEnvFor(runtime, p.hostname);
  // The version is the binary's: after an apt upgrade, a restarted kubelet reports (and registers) the new one.
  const installed = binaryVersion(p, 'kubelet');
  const version = installed ? `v${installed}` : (env?.kubeletVersion ?? 'v1.34.3');
  if (flags.has('version')) {
    p.stdout.write(`Kubernetes ${version}\n`);
    return 0;
  }
  const configPath = flags.get('config');
  let config;
  if (configPath) {
    let text: string;
    try {
      text = p.fs.readFile(configPath);
    } catch {
      return fail(`failed to load kubelet config file, path: ${configPath}, error: failed to load Kubelet config file ${configPath}, error failed to read kubelet config file "${configPath}", error: open ${configPath}: no such file or directory`);
    }
    const c = parseKubeletConfig(text, configPath);
    if ('error' in c) return fail(`failed to load kubelet config file, path: ${configPath}, error: failed to load Kubelet config file ${configPath}, error ${c.error}`);
    config = c;
  }
  if (flags.has('pod-manifest-path') && config) config.staticPodPath = flags.get('pod-manifest-path')!;
  const klog = makeKlog(p.stderr, () => runtime.now, pid);
  const endpoint = flags.get('container-runtime-endpoint') ?? config?.containerRuntimeEndpoint ?? 'unix:///run/containerd/containerd.sock';
  if (!env) return fail(criError(endpoint));
  const kubeconfig = flags.get('kubeconfig') ?? '';
  const bootstrap = flags.get('bootstrap-kubeconfig') ?? '';
  if (!kubeconfig || !p.fs.exists(kubeconfig)) {
    if (!bootstrap || !p.fs.exists(bootstrap)) return fail(`failed to run Kubelet: unable to load bootstrap kubeconfig: stat ${bootstrap || kubeconfig}: no such file or directory`);
  }
  const nodeName = flags.get('hostname-override') ?? p.hostname;
  // Unknown fields fail the strict decoding; the kubelet decodes the file again leniently, ignoring them, and says so.
  if (config?.strictError) klog.info('codec.go:126', 'Using lenient decoding as strict decoding failed', { err: config.strictError });
  klog.info('server.go:529', 'Kubelet version', { kubeletVersion: version });
  klog.info('server.go:531', 'Golang settings', { GOGC: '', GOMAXPROCS: '', GOTRACEBACK: '' });
  // A joining node has only its bootstrap token: it gets its client certificate first.
  if (!p.fs.exists(kubeconfig)) {
    const err = await tlsBootstrap(p, { bootstrap, kubeconfig, nodeName, log: (msg) => p.stderr.write(`${klogHeader('I', runtime.now, pid(), 'bootstrap.go:101')}${msg}\n`) });
    if (err) return fail(err);
  }
  const kc = kubeconfigClient(p, kubeconfig);
  if ('error' in kc) return fail(`failed to run Kubelet: ${kc.error}`);
  // BuildAuth loads the client CA bundle of the kubelet's server before the runtime is reached.
  if (config?.clientCAFile) {
    let ca: string | undefined;
    try {
      ca = p.fs.readFile(config.clientCAFile);
    } catch {
      return fail(`failed to run Kubelet: open ${config.clientCAFile}: no such file or directory`);
    }
    if (ca === '') return fail(`failed to run Kubelet: missing content for CA bundle "client-ca-bundle::${config.clientCAFile}"`);
  }
  if (!env.containerdUp || !/containerd\.sock$/.test(endpoint)) return fail(criError(endpoint));
  klog.info('server.go:956', 'Client rotation is on, will bootstrap in background');
  const handle = startKubelet({
    runtime,
    client: kc.client,
    apiServer: kc.server,
    nodeName,
    host: env.host,
    nodeIp: flags.get('node-ip') ?? env.nodeIp,
    cri: env.cri,
    config: config ?? {},
    klog,
    kubeletVersion: version,
    controlPlane: env.controlPlane,
    podCIDR: env.podCIDR,
    runtimeUp: () => env.containerdUp,
    runtimeEndpoint: endpoint,
  });
  env.kubelet = handle;
  // SIGTERM cancels the kubelet's context at once: its last lines come before systemd reports the unit stopped,
  // and the kubelet returns normally (status 0/SUCCESS, not killed by the signal).
  await new Promise<void>((resolve) =>
    p.signal.onInterrupt(() => {
      handle.stop();
      if (env.kubelet === handle) env.kubelet = undefined;
      resolve();
    }),
  );
  return 0;
};
