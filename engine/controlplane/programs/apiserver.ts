import { Registry } from '../../api/registry.ts';
import type { KObject } from '../../api/types.ts';
import { assembleApiServer } from '../../apiserver/assemble.ts';
import { bootstrapRbacObjects } from '../../apiserver/bootstrap/index.ts';
import { ApiClient, refOf } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import type { Process, Program } from '../../host/process.ts';
import { installNodeConnectors } from '../../node/connector.ts';
import { componentStatusConnector } from '../../apiserver/component-status.ts';
import { staticPodComponentChecks } from './component-checks.ts';
import { serviceAllocationHooks } from '../../network/service-alloc.ts';
import { startKubernetesServiceReconciler } from '../../controllers/kubernetesservice/reconciler.ts';
import { SYSTEM_PRIORITY_CLASSES } from '../../apiserver/bootstrap/priority-classes.ts';
import { remoteKv } from '../etcd/remote-kv.ts';
import { masterLeases } from './master-leases.ts';
import { versionInfo } from '../version-info.ts';
import { COMMON_BOOLS, COMMON_FLAGS, parseComponentFlags } from './flags.ts';
import { commandFailed, klogLine, readText } from './klog.ts';

/**
 * The kube-apiserver binary of the registry.k8s.io/kube-apiserver image. It
 * reads its flags and files the way the real one does (a missing file or an
 * unknown flag ends it with the real message), reaches etcd through
 * --etcd-servers with the etcd client certificate, assembles the apiserver
 * (authentication, --authorization-mode, admission plugins) and serves it on
 * --secure-port until its container stops. Like the real one it makes sure
 * the default namespaces and the bootstrap RBAC policy exist.
 */

const APISERVER_FLAGS = [
  ...COMMON_FLAGS, 'advertise-address', 'allow-privileged', 'anonymous-auth', 'api-audiences', 'audit-log-path', 'audit-log-maxage', 'audit-log-maxbackup',
  'audit-log-maxsize', 'audit-policy-file', 'audit-log-format', 'audit-webhook-config-file', 'authentication-config', 'authorization-config', 'authorization-mode',
  'authorization-policy-file', 'authorization-webhook-config-file', 'cloud-provider', 'cors-allowed-origins', 'default-not-ready-toleration-seconds',
  'default-unreachable-toleration-seconds', 'disable-admission-plugins', 'enable-admission-plugins', 'admission-control-config-file', 'enable-aggregator-routing',
  'enable-bootstrap-token-auth', 'enable-priority-and-fairness', 'encryption-provider-config', 'endpoint-reconciler-type', 'etcd-cafile', 'etcd-certfile',
  'etcd-keyfile', 'etcd-prefix', 'etcd-servers', 'etcd-servers-overrides', 'etcd-compaction-interval', 'event-ttl', 'external-hostname', 'kubelet-certificate-authority',
  'kubelet-client-certificate', 'kubelet-client-key', 'kubelet-preferred-address-types', 'kubelet-timeout', 'max-mutating-requests-inflight', 'max-requests-inflight',
  'min-request-timeout', 'oidc-issuer-url', 'oidc-client-id', 'oidc-username-claim', 'oidc-groups-claim', 'oidc-ca-file', 'proxy-client-cert-file',
  'proxy-client-key-file', 'request-timeout', 'runtime-config', 'service-account-issuer', 'service-account-jwks-uri', 'service-account-key-file',
  'service-account-lookup', 'service-account-max-token-expiration', 'service-account-signing-key-file', 'service-cluster-ip-range', 'service-node-port-range',
  'storage-backend', 'storage-media-type', 'token-auth-file', 'watch-cache', 'watch-cache-sizes', 'goaway-chance', 'shutdown-delay-duration', 'strict-transport-security-directives',
];
const APISERVER_BOOLS = [...COMMON_BOOLS, 'allow-privileged', 'anonymous-auth', 'enable-aggregator-routing', 'enable-bootstrap-token-auth', 'enable-priority-and-fairness', 'service-account-lookup', 'watch-cache'];
const KNOWN = new Set(APISERVER_FLAGS);
const BOOLS = new Set(APISERVER_BOOLS);

/** apiServerProgram makes the kube-apiserver binary of one release ("1.34.3"). */
export function apiServerProgram(version: string): Program {
  return async (p: Process) => {
    const parsed = parseComponentFlags(p.argv.slice(1), KNOWN, BOOLS);
    if ('error' in parsed) {
      p.stderr.write(`Usage:\n  kube-apiserver [flags]\n\nError: ${parsed.error}\n`);
      return 1;
    }
    if (parsed.has('version')) {
      p.stdout.write(`Kubernetes v${version}\n`);
      return 0;
    }
    const f = (n: string) => parsed.get(n);
    const log = (level: 'I' | 'W' | 'E', src: string, msg: string) => p.stderr.write(klogLine(level, p.sys.runtime.now, src, msg));
    log('I', 'options.go:249', `external host was not specified, using ${f('advertise-address') ?? p.sys.hostIp}`);
    log('I', 'server.go:147', `Version: v${version}`);
    // Validation errors are aggregated as utilerrors.NewAggregate prints them.
    const invalid: string[] = [];
    if (!f('etcd-servers')) invalid.push('--etcd-servers must be specified');
    if (!f('service-account-issuer')) invalid.push('service-account-issuer is a required flag');
    if (!f('service-account-issuer') || !f('service-account-signing-key-file')) invalid.push('--service-account-signing-key-file and --service-account-issuer are required flags');
    if (invalid.length) return commandFailed(p, invalid.length === 1 ? invalid[0]! : `[${invalid.join(', ')}]`);
    const files: Record<string, string> = {};
    const need = (flag: string, wrap: (e: string) => string = (e) => e): string | number => {
      const path = f(flag);
      if (!path) return '';
      const t = readText(p, path);
      if (typeof t !== 'string') return commandFailed(p, wrap(t.error));
      files[flag] = t;
      return t;
    };
    for (const [flag, wrap] of [
      ['tls-cert-file', (e: string) => `unable to load server certificate: ${e}`],
      ['tls-private-key-file', (e: string) => `unable to load server certificate: ${e}`],
      ['client-ca-file', (e: string) => `unable to load client CA provider: ${e}`],
      ['service-account-signing-key-file', (e: string) => `failed to parse service-account-issuer-key-file: ${e}`],
      ['etcd-cafile', (e: string) => `error creating storage factory: ${e}`],
      ['etcd-certfile', (e: string) => `error creating storage factory: ${e}`],
      ['etcd-keyfile', (e: string) => `error creating storage factory: ${e}`],
      ['requestheader-client-ca-file', (e: string) => `unable to load client CA provider: ${e}`],
      ['proxy-client-cert-file', (e: string) => `failed to load proxy client cert/key pair: ${e}`],
    ] as [string, (e: string) => string][]) {
      const r = need(flag, wrap);
      if (typeof r === 'number') return r;
    }
    const saKeys: string[] = [];
    for (const path of parsed.all('service-account-key-file')) {
      const t = readText(p, path);
      if (typeof t !== 'string') return commandFailed(p, `failed to parse service-account-issuer-key-file: ${t.error}`);
      saKeys.push(t);
    }
    let tokenText = '';
    if (f('token-auth-file')) {
      const t = readText(p, f('token-auth-file')!);
      if (typeof t !== 'string') return commandFailed(p, t.error);
      tokenText = t;
    }
    // The loopback client's token: the apiserver's own post-start hooks use it.
    const loopback = Array.from({ length: 4 }, () => p.sys.runtime.rand.uint32().toString(16).padStart(8, '0')).join('-');
    tokenText = `${loopback},system:apiserver,${loopback},"system:masters"\n${tokenText}`;
    const tls = { caPem: files['etcd-cafile'] || undefined, certPem: files['etcd-certfile'] || undefined, keyPem: files['etcd-keyfile'] || undefined };
    const remote = remoteKv(p, f('etcd-servers')!.split(','), tls);
    // Wait for etcd the way the storage factory does, then give up.
    for (let attempt = 0; ; attempt++) {
      const r = remote.reach();
      if (!('error' in r)) break;
      log('W', 'logging.go:55', `[core] [Channel #1 SubChannel #2]grpc: addrConn.createTransport failed to connect to {Addr: "${f('etcd-servers')!.split(',')[0]!.replace(/^https?:\/\//, '')}", ServerName: "${f('etcd-servers')!.split(',')[0]!.replace(/^https?:\/\//, '').replace(/:\d+$/, '')}", }. Err: ${r.error.replace(/^latest balancer error: (last connection error: )?/, '')}`);
      if (attempt >= 5) {
        p.stderr.write(klogLine('F', p.sys.runtime.now, 'instance.go:226', 'Error creating leases: error creating storage factory: context deadline exceeded'));
        return 1;
      }
      if (!(await p.sys.sleep(10_000, p.signal))) return 0;
    }
    const [lo, hi] = (f('service-node-port-range') ?? '30000-32767').split('-').map(Number) as [number, number];
    const port = Number(f('secure-port') ?? '6443');
    const vi = versionInfo(version);
    const assembled = assembleApiServer(
      {
        clientCaPem: files['client-ca-file'] ?? '',
        serviceAccountKeyPems: saKeys,
        tokenAuthFile: { path: f('token-auth-file') ?? '', text: tokenText },
        enableBootstrapTokenAuth: f('enable-bootstrap-token-auth') === 'true',
        authorizationMode: f('authorization-mode') ?? 'AlwaysAllow',
        enableAdmissionPlugins: parsed.all('enable-admission-plugins'),
        disableAdmissionPlugins: parsed.all('disable-admission-plugins'),
        serviceCidr: f('service-cluster-ip-range') ?? '10.0.0.0/24',
        nodePortRange: [lo, hi],
        advertiseAddress: `${f('advertise-address') ?? p.sys.hostIp}:${port}`,
        anonymousAuth: (f('anonymous-auth') ?? 'true') === 'true',
        // The TokenRequest API signs with --service-account-signing-key-file as --service-account-issuer.
        ...(files['service-account-signing-key-file'] ? { tokenIssuer: { signingKeyPem: files['service-account-signing-key-file'], issuer: f('service-account-issuer')! } } : {}),
      },
      { runtime: p.sys.runtime, kv: remote.kv, registry: new Registry(), version: vi, hooks: serviceAllocationHooks() },
    );
    if ('error' in assembled) return commandFailed(p, assembled.error);
    const server = assembled.server;
    // logs, exec and the rest reach the kubelets from this host, as the real apiserver dials them.
    installNodeConnectors(server.ctx.connectors, { net: p.sys.net, from: { host: p.hostname, ip: p.sys.hostIp } });
    server.ctx.connectors['componentstatuses'] = componentStatusConnector(
      staticPodComponentChecks({ net: p.sys.net, from: { host: p.hostname, ip: p.sys.hostIp }, etcd: () => remote.reach() }),
    );
    let listener: { close(): void };
    try {
      listener = p.sys.net.listen(p.hostname, f('bind-address') ?? '0.0.0.0', port, {
        protocol: 'kube-api',
        tls: { certPem: files['tls-cert-file'] ?? '', clientCaPem: files['client-ca-file'] || undefined },
        handler: server,
      });
    } catch {
      server.stop();
      return commandFailed(p, `failed to create listener: failed to listen on 0.0.0.0:${port}: listen tcp 0.0.0.0:${port}: bind: address already in use`);
    }
    log('I', 'secure_serving.go:213', `Serving securely on [::]:${port}`);
    const self = new ApiClient(() => server, { token: loopback });
    postStart(self);
    // The bootstrap controller keeps default/kubernetes pointing at this apiserver.
    const advertiseIp = f('advertise-address') ?? p.sys.hostIp;
    const kubernetesService = startKubernetesServiceReconciler({
      runtime: p.sys.runtime,
      client: self,
      advertiseIp,
      port,
      serviceCidr: f('service-cluster-ip-range') ?? '10.0.0.0/24',
      ...(f('endpoint-reconciler-type') === 'none' ? {} : { apiserverIps: masterLeases(remote.kv, advertiseIp, () => p.sys.runtime.now) }),
    });
    // The storage layer's watches are bound to the etcd member they were
    // opened on. When that member goes away for good (its liveness check
    // fails for 80s) or another one answers at the address (etcd restarted on
    // another data directory), the apiserver's caches no longer reflect etcd:
    // it exits and the kubelet starts it again, which then lists afresh.
    const first = remote.reach();
    let downSince: number | undefined;
    return new Promise<number>((resolve) => {
      const end = (code: number) => {
        timer.cancel();
        kubernetesService.stop();
        listener.close();
        server.stop();
        resolve(code);
      };
      const timer = p.sys.runtime.every(5000, () => {
        const now = remote.reach();
        if ('error' in now) {
          downSince ??= p.sys.runtime.now;
          if (p.sys.runtime.now - downSince >= 80_000) {
            log('E', 'run.go:72', `"command failed" err="etcd health check failed: ${now.error.replace(/"/g, '\\"')}"`);
            end(1);
          }
          return;
        }
        downSince = undefined;
        if (now !== first) {
          log('E', 'watcher.go:342', '"watch chan error" err="rpc error: code = Unavailable desc = error reading from server: EOF"');
          end(1);
        }
      }, 'kube-apiserver etcd check');
      p.signal.onInterrupt(() => end(0));
    });
  };
}

/** postStart creates what the apiserver's bootstrap hooks create: the system namespaces and the default RBAC policy. */
function postStart(client: ApiClient): void {
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    try {
      client.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    } catch {
      /* already there */
    }
  }
  for (const obj of bootstrapRbacObjects()) {
    try {
      client.create(refFor(obj), obj.metadata.namespace, obj);
    } catch {
      /* already there */
    }
  }
  // The scheduling/bootstrap-system-priority-classes hook: the two system classes every cluster has.
  for (const pc of SYSTEM_PRIORITY_CLASSES) {
    try {
      client.create(R.priorityclasses, undefined, pc as unknown as KObject);
    } catch {
      /* already there */
    }
  }
}

function refFor(obj: KObject) {
  const plural = { ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings', Role: 'roles', RoleBinding: 'rolebindings' }[obj.kind] ?? '';
  return refOf(obj.apiVersion, plural, obj.kind === 'Role' || obj.kind === 'RoleBinding');
}
