import { startControllerManager } from '../../controllers/index.ts';
import type { Process, Program } from '../../host/process.ts';
import { parseCertificatePem, parsePrivateKeyPem } from '../../pki/index.ts';
import { COMMON_BOOLS, COMMON_FLAGS, parseComponentFlags } from './flags.ts';
import { commandFailed, klogLine, readText } from './klog.ts';
import { clientFromKubeconfig } from './kubeconfig-client.ts';
import { serveHealth } from './health.ts';
import { serviceAccountClients } from './sa-credentials.ts';

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
    let ca;
    if (typeof cert === 'string' && typeof key === 'string') {
      try {
        ca = { cert: parseCertificatePem(cert), key: parsePrivateKeyPem(key) };
      } catch {
        return commandFailed(p, `error starting controllers: failed to start certificate controller: error reading CA cert file "${f('cluster-signing-cert-file')}": data does not contain any valid RSA or ECDSA certificates`);
      }
    }
    const health = serveHealth(p, parsed, 10257);
    if ('error' in health) return commandFailed(p, health.error);
    // With --use-service-account-credentials (kubeadm's default) each controller acts as its own ServiceAccount.
    const saClients = f('use-service-account-credentials') === 'true' ? serviceAccountClients(c.client, c.dial, p.sys.runtime) : undefined;
    const h = startControllerManager({
      runtime: p.sys.runtime,
      client: c.client,
      ...(saClients ? { clientFor: saClients.clientFor } : {}),
      controllers: parsed.all('controllers').length ? parsed.all('controllers').flatMap((v) => v.split(',')) : ['*'],
      clusterCidr: f('allocate-node-cidrs') === 'true' ? f('cluster-cidr') : undefined,
      serviceCidr: f('service-cluster-ip-range'),
      caCertPem: typeof root === 'string' ? root : undefined,
      ca,
    });
    return new Promise<number>((resolve) => {
      p.signal.onInterrupt(() => {
        h.stop();
        saClients?.stop();
        health.close();
        resolve(0);
      });
    });
  };
}
