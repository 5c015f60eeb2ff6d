import { parse, stringify } from 'yaml';
import { atobUtf8, btoaUtf8 } from '../../base/base64.ts';
import type { Process } from '../../host/process.ts';
import {
  CERT_FILES, checkExpirationTable, expirationInfo, issued, KeyPool, parseCertificatePem, parsePrivateKeyPem, renewCertificate,
} from '../../pki/index.ts';
import { adminClient, fail, readOr } from './common.ts';

/** LONG_NAMES are the descriptions `kubeadm certs renew` prints for each certificate. */
const LONG_NAMES: Record<string, string> = {
  'admin.conf': 'certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself',
  apiserver: 'certificate for serving the Kubernetes API',
  'apiserver-etcd-client': 'certificate the apiserver uses to access etcd',
  'apiserver-kubelet-client': 'certificate for the API server to connect to kubelet',
  'controller-manager.conf': 'certificate embedded in the kubeconfig file for the controller manager to use',
  'etcd-healthcheck-client': 'certificate for liveness probes to healthcheck etcd',
  'etcd-peer': 'certificate for etcd nodes to communicate with each other',
  'etcd-server': 'certificate for serving etcd',
  'front-proxy-client': 'certificate for the front proxy client',
  'scheduler.conf': 'certificate embedded in the kubeconfig file for the scheduler manager to use',
  'super-admin.conf': 'certificate embedded in the kubeconfig file for the super-admin',
};

const CA_OF: Record<string, string> = {
  'apiserver-etcd-client': 'etcd/ca', 'etcd-healthcheck-client': 'etcd/ca', 'etcd-peer': 'etcd/ca', 'etcd-server': 'etcd/ca', 'front-proxy-client': 'front-proxy-ca',
};

/** CERT_NAMES are the names `kubeadm certs renew` accepts, in its order. */
export const CERT_NAMES = Object.keys(LONG_NAMES);

/** configBanner is the two lines kubeadm prints when it reads its ClusterConfiguration (or the fallback line). */
export function configBanner(p: Process, phase: string): string {
  const c = adminClient(p);
  let reachable = false;
  if (!('error' in c)) {
    try {
      c.get({ group: '', version: 'v1', plural: 'configmaps', namespaced: true }, 'kube-system', 'kubeadm-config');
      reachable = true;
    } catch (e) {
      reachable = (e as { code?: number }).code === 404;
    }
  }
  return reachable
    ? `[${phase}] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[${phase}] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.\n`
    : `[${phase}] Error reading configuration from the Cluster. Falling back to default configuration\n`;
}

/** checkExpiration is `kubeadm certs check-expiration`. */
export function checkExpiration(p: Process): number {
  const banner = configBanner(p, 'check-expiration');
  const info = expirationInfo((path) => readOr(p, path), p.sys.runtime.now);
  p.stdout.write(`${banner}\n${checkExpirationTable(info)}`);
  return 0;
}

/** renew is `kubeadm certs renew <name>|all`. */
export function renew(p: Process, args: string[]): number {
  if (args.length === 0) return fail(p, 'missing subcommand; "renew" is not meant to be run on its own');
  const which = args[0]!;
  // renew is a cobra group whose RunE is cmdutil.SubCmdRunE: an unknown certificate is an invalid subcommand
  if (which !== 'all' && !LONG_NAMES[which]) return fail(p, `invalid subcommand: "${which}"`);
  if (p.user.uid !== 0) return fail(p, `open /etc/kubernetes/pki/ca.crt: permission denied`);
  const banner = configBanner(p, 'renew');
  let out = `${banner}\n`;
  const pool = new KeyPool(p.sys.runtime.rand);
  for (const name of which === 'all' ? CERT_NAMES : [which]) {
    const file = CERT_FILES[name]!;
    const text = readOr(p, file);
    if (text === undefined) {
      out += `MISSING! ${LONG_NAMES[name]}\n`;
      continue;
    }
    const caBase = `/etc/kubernetes/pki/${CA_OF[name] ?? 'ca'}`;
    const caCert = readOr(p, `${caBase}.crt`);
    const caKey = readOr(p, `${caBase}.key`);
    if (!caCert || !caKey) {
      p.stdout.write(out);
      return fail(p, `failed to renew certificate ${name}: failed to load existing certificate authority: couldn't load the certificate authority file ${caBase}.key`);
    }
    const ca = issued(parseCertificatePem(caCert), parsePrivateKeyPem(caKey));
    const isConf = file.endsWith('.conf');
    let oldPem: string;
    let doc: { users?: { user: Record<string, string> }[] } | undefined;
    if (isConf) {
      doc = parse(text) as typeof doc;
      oldPem = atobUtf8(doc?.users?.[0]?.user['client-certificate-data'] ?? '');
    } else oldPem = text;
    const fresh = renewCertificate(parseCertificatePem(oldPem), ca, { now: p.sys.runtime.now, rand: p.sys.runtime.rand, key: pool.newKey() });
    if (isConf && doc?.users?.[0]) {
      doc.users[0].user['client-certificate-data'] = btoaUtf8(fresh.certPem);
      doc.users[0].user['client-key-data'] = btoaUtf8(fresh.keyPem);
      p.fs.writeFile(file, stringify(doc, { lineWidth: 0 }), { mode: 0o600 });
    } else {
      p.fs.writeFile(file, fresh.certPem, { mode: 0o644 });
      p.fs.writeFile(file.replace(/\.crt$/, '.key'), fresh.keyPem, { mode: 0o600 });
    }
    out += `${LONG_NAMES[name]} renewed\n`;
  }
  if (which === 'all') out += '\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.\n';
  p.stdout.write(out);
  return 0;
}
