/**
 * What `kubeadm certs check-expiration` reports (cmd/kubeadm/app/cmd/certs.go and
 * phases/certs/renewal), read from a control-plane host's files.
 */
import { atobUtf8 } from '../base/base64.ts';
import { parseCertificatePem, type Certificate } from './certificate.ts';
import { goTabwrite } from './go-tabwriter.ts';

/** ExpirationEntry is one row of the report. */
export interface ExpirationEntry {
  name: string;
  /** absent when the file is missing or unreadable */
  expires?: number;
  /** seconds left (negative once expired) */
  residualSeconds?: number;
  /** the signing CA's name, for certificates */
  caName?: string;
  externallyManaged: boolean;
  missing: boolean;
}

/** ExpirationInfo is the report: certificates then authorities, each sorted by name. */
export interface ExpirationInfo {
  certificates: ExpirationEntry[];
  authorities: ExpirationEntry[];
}

// renewal.Manager's handlers: name → (file, CA). Kubeconfig certificates live inside the .conf files.
const CERTS: [name: string, file: string, ca: string][] = [
  ['admin.conf', '/etc/kubernetes/admin.conf', 'ca'],
  ['apiserver', '/etc/kubernetes/pki/apiserver.crt', 'ca'],
  ['apiserver-etcd-client', '/etc/kubernetes/pki/apiserver-etcd-client.crt', 'etcd-ca'],
  ['apiserver-kubelet-client', '/etc/kubernetes/pki/apiserver-kubelet-client.crt', 'ca'],
  ['controller-manager.conf', '/etc/kubernetes/controller-manager.conf', 'ca'],
  ['etcd-healthcheck-client', '/etc/kubernetes/pki/etcd/healthcheck-client.crt', 'etcd-ca'],
  ['etcd-peer', '/etc/kubernetes/pki/etcd/peer.crt', 'etcd-ca'],
  ['etcd-server', '/etc/kubernetes/pki/etcd/server.crt', 'etcd-ca'],
  ['front-proxy-client', '/etc/kubernetes/pki/front-proxy-client.crt', 'front-proxy-ca'],
  ['scheduler.conf', '/etc/kubernetes/scheduler.conf', 'ca'],
  ['super-admin.conf', '/etc/kubernetes/super-admin.conf', 'ca'],
];

const CAS: [name: string, base: string][] = [
  ['ca', '/etc/kubernetes/pki/ca'],
  ['etcd-ca', '/etc/kubernetes/pki/etcd/ca'],
  ['front-proxy-ca', '/etc/kubernetes/pki/front-proxy-ca'],
];

/** CERT_FILES maps each name `kubeadm certs renew` accepts to the file holding that certificate. */
export const CERT_FILES: Readonly<Record<string, string>> = Object.fromEntries(CERTS.map(([n, f]) => [n, f]));

function readCert(text: string | undefined, kubeconfig: boolean): Certificate | undefined {
  if (text === undefined) return undefined;
  try {
    if (!kubeconfig) return parseCertificatePem(text);
    const m = text.match(/client-certificate-data:\s*(\S+)/);
    return m ? parseCertificatePem(atobUtf8(m[1]!)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * expirationInfo reads the certificates the way kubeadm's renewal manager does.
 * readFile returns a file's content or undefined when it does not exist. A CA
 * whose key is missing is externally managed, and so are the certificates it signed.
 */
export function expirationInfo(readFile: (path: string) => string | undefined, now: number): ExpirationInfo {
  const external = (ca: string) => {
    const base = CAS.find(([n]) => n === ca)![1];
    return readFile(`${base}.key`) === undefined && readFile(`${base}.crt`) !== undefined;
  };
  const entry = (name: string, c: Certificate | undefined, ext: boolean, caName?: string): ExpirationEntry => {
    if (!c) return { name, missing: true, externallyManaged: false };
    return {
      name,
      expires: c.notAfter,
      residualSeconds: Math.trunc((c.notAfter - now) / 1000),
      ...(caName ? { caName } : {}),
      externallyManaged: ext,
      missing: false,
    };
  };
  return {
    certificates: CERTS.map(([name, file, ca]) => entry(name, readCert(readFile(file), file.endsWith('.conf')), external(ca), ca)),
    authorities: CAS.map(([name, base]) => entry(name, readCert(readFile(`${base}.crt`), false), external(name))),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** kubeadmDate formats as Go's "Jan 02, 2006 15:04 MST" in UTC. */
export function kubeadmDate(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())}, ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())} UTC`;
}

/** shortHumanDuration is apimachinery's duration.ShortHumanDuration for whole seconds. */
export function shortHumanDuration(seconds: number): string {
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(seconds / 3600);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.floor(hours / 24)}d`;
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** checkExpirationTable is the table kubeadm prints (tabwriter minwidth 10, padding 3), ending with a newline. */
export function checkExpirationTable(info: ExpirationInfo): string {
  const yesNo = (b: boolean) => (b ? 'yes' : 'no').padEnd(8, ' ');
  const rows = ['CERTIFICATE\tEXPIRES\tRESIDUAL TIME\tCERTIFICATE AUTHORITY\tEXTERNALLY MANAGED'];
  for (const c of info.certificates) {
    rows.push(c.missing ? `!MISSING! ${c.name}\t\t\t\t`
      : `${c.name}\t${kubeadmDate(c.expires!)}\t${shortHumanDuration(c.residualSeconds!)}\t${c.caName}\t${yesNo(c.externallyManaged)}`);
  }
  rows.push('', 'CERTIFICATE AUTHORITY\tEXPIRES\tRESIDUAL TIME\tEXTERNALLY MANAGED');
  for (const c of info.authorities) {
    rows.push(c.missing ? `!MISSING! ${c.name}\t\t\t`
      : `${c.name}\t${kubeadmDate(c.expires!)}\t${shortHumanDuration(c.residualSeconds!)}\t${yesNo(c.externallyManaged)}`);
  }
  return goTabwrite(rows.join('\n') + '\n', 10, 3);
}
