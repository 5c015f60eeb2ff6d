import { startControllerManager } from '../../controllers/index.ts';
import type { Process, Program } from '../../host/process.ts';
import { parseCertificatePem, parsePrivateKeyPem } from '../../pki/index.ts';
import { COMMON_BOOLS, COMMON_FLAGS, parseComponentFlags } from './flags.ts';
import { commandFailed, klogLine, readText } from './klog.ts';
import { clientFromKubeconfig } from './kubeconfig-client.ts';
import { serveHealth } from './health.ts';
import { serviceAccountClients } from './sa-credentials.ts';
import { LeaderElector } from '../../scheduler/leader/leader-election.ts';
import type { LeaderElectionConfig } from '../../scheduler/config/types.ts';

/**
 * The kube-controller-manager binary of its image. Flags and files are
 * checked as the real binary checks them; the controllers are
 * engine/controllers' startControllerManager, given the manager's client
 * (from --kubeconfig) and the settings its flags name.
 */

const KNOWN = new Set([
  ...COMMON_FLAGS, 'allocate-node-cidrs', 'cluster-cidr', 'cluster-name', 'cluster-signing-cert-file', 'cluster-signing-key-file', 'cluster-signing-duration',
  'controllers', 'node-cidr-mask-size', 'node-cidr-mask-size-ipv4', 'node-cidr-mask-size-ipv6', 'root-ca-file', 'service-account-private-key-file',
  'service-cluster-ip-range', 'use-service-account-credentials', 'node-monitor-grace-period', 'node-monitor-period', 'node-startup-grace-period',
  'pod-eviction-timeout', 'terminated-pod-gc-threshold', 'concurrent-deployment-syncs', 'concurrent-replicaset-syncs', 'concurrent-service-syncs',
  'horizontal-pod-autoscaler-sync-period', 'horizontal-pod-autoscaler-downscale-stabilization', 'configure-cloud-routes', 'cloud-provider', 'flex-volume-plugin-dir',
  'enable-hostpath-provisioner', 'large-cluster-size-threshold', 'unhealthy-zone-threshold', 'node-eviction-rate', 'secondary-node-eviction-rate',
]);
const BOOLS = new Set([...COMMON_BOOLS, 'allocate-node-cidrs', 'use-service-account-credentials', 'configure-cloud-routes', 'enable-hostpath-provisioner']);

/** controllerManagerProgram makes the kube-controller-manager binary of one release. */
export function controllerManagerProgram(version: string): Program {
  return async (p: Process) => {
    const parsed = parseComponentFlags(p.argv.slice(1), KNOWN, BOOLS);
    if ('error' in parsed) {
      p.stderr.write(`Usage:\n  kube-controller-manager [flags]\n\nError: ${parsed.error}\n`);
      return 1;
    }
    if (parsed.has('version')) {
      p.stdout.write(`Kubernetes v${version}\n`);
      return 0;
    }
    const f = (n: string) => parsed.get(n);
    const kubeconfig = f('kubeconfig');
    if (!kubeconfig) return commandFailed(p, 'invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable');
    const c = clientFromKubeconfig(p, kubeconfig);
    if ('error' in c) return commandFailed(p, c.error);
    const file = (flag: string): string | undefined | { error: string } => {
      const path = f(flag);
      if (!path) return undefined;
      return readText(p, path);
    };
    const cert = file('cluster-signing-cert-file');
    const key = file('cluster-signing-key-file');
    const sa = file('service-account-private-key-file');
    const root = file('root-ca-file');
    for (const [what, v] of [['cluster-signing-cert-file', cert], ['cluster-signing-key-file', key], ['service-account-private-key-file', sa], ['root-ca-file', root]] as const) {
      if (v && typeof v !== 'string') return commandFailed(p, what === 'root-ca-file' ? `error reading root-ca-file at ${f(what)}: ${v.error}` : `error starting controllers: failed to start certificate controller: error reading CA cert file "${f(what)}": ${v.error}`);
    }
    p.stderr.write(klogLine('I', p.sys.runtime.now, 'serving.go:386', 'Generated self-signed cert in-memory'));
    p.stderr.write(klogLine('I', p.sys.runtime.now, 'controllermanager.go:193', `"Starting" version="v${version}"`));
    let ca: { cert: ReturnType<typeof parseCertificatePem>; key: ReturnType<typeof parsePrivateKeyPem> } | undefined;
    if (typeof cert === 'string' && typeof key === 'string') {
      try {
        ca = { cert: parseCertificatePem(cert), key: parsePrivateKeyPem(key) };
      } catch {
        return commandFailed(p, `error starting controllers: failed to start certificate controller: error reading CA cert file "${f('cluster-signing-cert-file')}": data does not contain any valid RSA or ECDSA certificates`);
      }
    }
    let serviceAccountKey: ReturnType<typeof parsePrivateKeyPem> | undefined;
    if (typeof sa === 'string') {
      try {
        serviceAccountKey = parsePrivateKeyPem(sa);
      } catch {
        return commandFailed(p, 'error starting controllers: error reading key for service account token controller: data does not contain a valid RSA or ECDSA private key');
      }
    }
    const health = serveHealth(p, parsed, 10257);
    if ('error' in health) return commandFailed(p, health.error);
    // With --use-service-account-credentials (kubeadm's default) each controller acts as its own ServiceAccount.
    const saClients = f('use-service-account-credentials') === 'true' ? serviceAccountClients(c.client, c.dial, p.sys.runtime) : undefined;
    const start = () =>
      startControllerManager({
        runtime: p.sys.runtime,
        client: c.client,
        ...(saClients ? { clientFor: saClients.clientFor } : {}),
        controllers: parsed.all('controllers').length ? parsed.all('controllers').flatMap((v) => v.split(',')) : ['*'],
        clusterCidr: f('allocate-node-cidrs') === 'true' ? f('cluster-cidr') : undefined,
        serviceCidr: f('service-cluster-ip-range'),
        caCertPem: typeof root === 'string' ? root : undefined,
        ca,
        serviceAccountKey,
      });
    return new Promise<number>((resolve) => {
      let h: { stop(): void } | undefined;
      let ended = false;
      const end = (code: number) => {
        if (ended) return;
        ended = true;
        elector?.stop();
        h?.stop();
        saClients?.stop();
        health.close();
        resolve(code);
      };
      // With --leader-elect (the default), only the holder of the kube-controller-manager Lease runs
      // the controllers: with several control-plane nodes, the others stand by. Losing the Lease ends
      // the process, as the real binary exits, and the kubelet starts it again.
      const elector =
        (f('leader-elect') ?? 'true') === 'true'
          ? new LeaderElector(p.sys.runtime, c.client, leaderElection(f), `${p.hostname}_${p.sys.runtime.rand.uuid()}`, {
              onStartedLeading: () => {
                p.stderr.write(klogLine('I', p.sys.runtime.now, 'leaderelection.go:271', `successfully acquired lease kube-system/kube-controller-manager`));
                h = start();
              },
              onStoppedLeading: () => {
                p.stderr.write(klogLine('E', p.sys.runtime.now, 'controllermanager.go:339', '"leaderelection lost"'));
                end(1);
              },
            })
          : undefined;
      if (elector) {
        p.stderr.write(klogLine('I', p.sys.runtime.now, 'leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-controller-manager...'));
        elector.start();
      } else h = start();
      p.signal.onInterrupt(() => end(0));
    });
  };
}

/** leaderElection reads the --leader-elect-* flags (client-go's defaults: 15s, 10s, 2s). */
function leaderElection(f: (n: string) => string | undefined): LeaderElectionConfig {
  const secs = (flag: string, d: number) => {
    const v = f(flag);
    const m = v ? /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(v) : null;
    return m ? Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 's' ? 1000 : 60_000) : d;
  };
  return {
    leaderElect: true,
    leaseDurationMs: secs('leader-elect-lease-duration', 15_000),
    renewDeadlineMs: secs('leader-elect-renew-deadline', 10_000),
    retryPeriodMs: secs('leader-elect-retry-period', 2000),
    resourceLock: 'leases',
    resourceName: f('leader-elect-resource-name') ?? 'kube-controller-manager',
    resourceNamespace: f('leader-elect-resource-namespace') ?? 'kube-system',
  };
}
