import { atobUtf8 } from '../../base/base64.ts';
import type { KObject } from '../../api/types.ts';
import { ApiClient, ConnectionError } from '../../client/client.ts';
import type { Process } from '../../host/process.ts';
import { NetError } from '../../host/net.ts';
import { kubeadmFlagsEnv, kubeletConfigYaml } from '../../controlplane/kubeadm/kubelet-config.ts';
import { fail, failPreflight, readOr } from './common.ts';
import { preflight, systemctl, waitFor, write } from './steps.ts';
import { caCertHash } from './token.ts';
import { joinControlPlane } from './join-control-plane.ts';

/** kubeadmJoin is `kubeadm join <endpoint> --token … --discovery-token-ca-cert-hash …`. */
export async function kubeadmJoin(p: Process, args: string[], o: { token: string; caHashes: string[]; unsafeSkip: boolean; ignore: string[]; controlPlane?: boolean; certificateKey?: string; advertise?: string; nodeName?: string }): Promise<number> {
  p.stdout.write('[preflight] Running pre-flight checks\n');
  const checks: [string, string | undefined][] = [['IsPrivilegedUser', p.user.uid === 0 ? undefined : 'user is not running as root']];
  if (p.user.uid === 0) {
    // A control-plane join may find the CA copied by hand; a worker must not find one.
    for (const f of ['/etc/kubernetes/kubelet.conf', ...(o.controlPlane ? [] : ['/etc/kubernetes/pki/ca.crt'])]) checks.push([`FileAvailable-${f.replace(/\//g, '-')}`, readOr(p, f) !== undefined ? `${f} already exists` : undefined]);
  }
  const pre = preflight(p, checks, o.ignore);
  if (pre) return failPreflight(p, pre, true);
  const endpoint = args[0];
  if (!endpoint) return fail(p, 'discovery: Invalid value: "": bootstrapToken or file must be set');
  if (!o.token) return fail(p, 'discovery.bootstrapToken.token: Invalid value: "": the bootstrap token is invalid');
  if (!/^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(o.token)) return fail(p, `discovery.bootstrapToken.token: Invalid value: "${o.token}": the bootstrap token is invalid`);
  if (o.caHashes.length === 0 && !o.unsafeSkip) return fail(p, 'discovery.bootstrapToken: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue');
  const [host, port] = endpoint.split(':') as [string, string | undefined];
  const url = `https://${endpoint}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s`;
  const dial = () => {
    const peer = { host: p.hostname, ip: p.sys.hostIp };
    const addr = p.sys.net.resolve(host, peer) ?? host;
    const l = p.sys.net.dial(peer, addr, Number(port ?? 6443));
    return l.handler as never;
  };
  let info: KObject | undefined;
  let lastError = '';
  // cluster-info is read anonymously; the token proves itself through the JWS
  // signature the bootstrap signer adds for each valid token, which here is
  // the apiserver accepting the token at all.
  const got = await waitFor(p, 300_000, () => {
    try {
      info = new ApiClient(dial, {}).get({ group: '', version: 'v1', plural: 'configmaps', namespaced: true }, 'kube-public', 'cluster-info');
    } catch (e) {
      if (e instanceof NetError || e instanceof ConnectionError) {
        lastError = `Get "${url}": dial tcp ${host}:${port ?? 6443}: connect: connection refused`;
        return false;
      }
      lastError = `configmaps "cluster-info" is forbidden: User "system:anonymous" cannot get resource "configmaps" in API group "" in the namespace "kube-public"`;
      info = undefined;
      return true;
    }
    try {
      new ApiClient(dial, { token: o.token }).get({ group: '', version: 'v1', plural: 'configmaps', namespaced: true }, 'kube-public', 'cluster-info');
    } catch (e) {
      if ((e as { code?: number }).code === 401) {
        // The signature may yet appear (a token being created), so kubeadm polls until the discovery timeout.
        lastError = `could not find a JWS signature in the cluster-info ConfigMap for token ID "${o.token.split('.')[0]}"`;
        info = undefined;
        return false;
      }
    }
    return true;
  });
  if (got === undefined || !info) return fail(p, `error execution phase preflight: couldn't validate the identity of the API Server: ${lastError}`);
  const kubeconfig = ((info as { data?: Record<string, string> }).data ?? {})['kubeconfig'] ?? '';
  const caData = /certificate-authority-data: (\S+)/.exec(kubeconfig)?.[1] ?? '';
  const caPem = atobUtf8(caData);
  const actual = caCertHash(caPem);
  if (!o.unsafeSkip && !o.caHashes.includes(actual)) return fail(p, `error execution phase preflight: couldn't validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "${actual}" are pinned`);
  p.stdout.write(`[preflight] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[preflight] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.\n`);
  if (o.controlPlane) {
    return joinControlPlane(p, { tokenClient: new ApiClient(dial, { token: o.token }), token: o.token, caData, certificateKey: o.certificateKey ?? '', advertise: o.advertise ?? '', nodeName: o.nodeName ?? '', ignore: o.ignore });
  }
  write(p, '/etc/kubernetes/pki/ca.crt', caPem, 0o644);
  write(p, '/etc/kubernetes/bootstrap-kubelet.conf', `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${caData}\n    server: https://${endpoint}\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: tls-bootstrap-token-user\n  name: tls-bootstrap-token-user@kubernetes\ncurrent-context: tls-bootstrap-token-user@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: tls-bootstrap-token-user\n  user:\n    token: ${o.token}\n`, 0o600);
  write(p, '/var/lib/kubelet/config.yaml', kubeletConfigYaml({ clusterDns: '10.96.0.10' }), 0o644);
  write(p, '/var/lib/kubelet/kubeadm-flags.env', kubeadmFlagsEnv(), 0o644);
  p.stdout.write(`[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"\n[kubelet-start] Starting the kubelet\n[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s\n`);
  systemctl(p, 'restart', 'kubelet');
  // The kubelet performs the TLS bootstrap and writes kubelet.conf; kubeadm waits for it.
  const boot = await waitFor(p, 240_000, () => readOr(p, '/etc/kubernetes/kubelet.conf') !== undefined);
  if (boot === undefined) {
    p.stdout.write('[kubelet-check] The kubelet is not healthy after 4m0.000360414s\n\nUnfortunately, an error has occurred, likely caused by:\n\t- The kubelet is not running\n\t- The kubelet is unhealthy due to a misconfiguration of the node in some way (required cgroups disabled)\n\nIf you are on a systemd-powered system, you can try to troubleshoot the error with the following commands:\n\t- \'systemctl status kubelet\'\n\t- \'journalctl -xeu kubelet\'\n\n');
    return fail(p, 'error execution phase kubelet-start: The HTTP call equal to \'curl -sSL http://127.0.0.1:10248/healthz\' returned error: Get "http://127.0.0.1:10248/healthz": dial tcp 127.0.0.1:10248: connect: connection refused');
  }
  p.stdout.write(`[kubelet-check] The kubelet is healthy after ${(boot + 1.0012).toFixed(9)}s\n[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap\n\nThis node has joined the cluster:\n* Certificate signing request was sent to apiserver and a response was received.\n* The Kubelet was informed of the new secure connection details.\n\nRun 'kubectl get nodes' on the control-plane to see this node join the cluster.\n\n`);
  return 0;
}

