import { gcm } from '@noble/ciphers/aes.js';
import { decodeBase64, encodeBase64 } from '../../base/base64.ts';
import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import type { Process } from '../../host/process.ts';
import { write } from './steps.ts';
import { adminClient, fail } from './common.ts';

/**
 * kubeadm's uploaded certificates: `init --upload-certs` (or `init phase
 * upload-certs --upload-certs`) encrypts the cluster's CAs and the
 * ServiceAccount key with a 32-byte certificate key (AES-GCM, the nonce
 * before the sealed data) into the kube-system/kubeadm-certs Secret, owned by
 * a bootstrap token that expires in two hours; `join --control-plane
 * --certificate-key` downloads and decrypts them.
 */

const SECRETS = { group: '', version: 'v1', plural: 'secrets', namespaced: true };
const ROLES = { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'roles', namespaced: true };
const ROLEBINDINGS = { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'rolebindings', namespaced: true };
const PKI = '/etc/kubernetes/pki';
/** SHARED are the files a new control-plane node needs from the first one, by their name in the Secret. */
const SHARED: [secretKey: string, path: string][] = [
  ['ca.crt', `${PKI}/ca.crt`], ['ca.key', `${PKI}/ca.key`], ['front-proxy-ca.crt', `${PKI}/front-proxy-ca.crt`], ['front-proxy-ca.key', `${PKI}/front-proxy-ca.key`],
  ['etcd-ca.crt', `${PKI}/etcd/ca.crt`], ['etcd-ca.key', `${PKI}/etcd/ca.key`], ['sa.key', `${PKI}/sa.key`], ['sa.pub', `${PKI}/sa.pub`],
];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** newCertificateKey is kubeadm's CreateCertificateKey: 32 random bytes in hex. */
export function newCertificateKey(p: Process): string {
  return [...p.sys.runtime.rand.bytes(32)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** decodeKey is hex.DecodeString with Go's error text. */
function decodeKey(key: string): Uint8Array | { error: string } {
  const bad = [...key].findIndex((ch) => !/[0-9a-fA-F]/.test(ch));
  if (bad >= 0) return { error: `error decoding certificate key: encoding/hex: invalid byte: U+${key.codePointAt(bad)!.toString(16).toUpperCase().padStart(4, '0')} '${key[bad]}'` };
  if (key.length % 2) return { error: 'error decoding certificate key: encoding/hex: odd length hex string' };
  return Uint8Array.from(key.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** aesKey checks the key size as crypto/aes.NewCipher does. */
function aesKey(raw: Uint8Array): Uint8Array | { error: string } {
  return [16, 24, 32].includes(raw.length) ? raw : { error: `crypto/aes: invalid key size ${raw.length}` };
}

/** uploadCerts is the upload-certs phase; it answers the lines kubeadm prints, or an error. */
export async function uploadCerts(p: Process, c: ApiClient, key: string): Promise<string | { error: string }> {
  let out = `[upload-certs] Storing the certificates in Secret "kubeadm-certs" in the "kube-system" Namespace\n`;
  const raw = decodeKey(key);
  if ('error' in raw) return raw;
  const k = aesKey(raw);
  if ('error' in k) return { error: `error uploading certs: ${k.error}` };
  // The short-lived token whose expiry garbage-collects the Secret.
  const rand = p.sys.runtime.rand;
  const tokenId = rand.string(6, ALPHABET);
  const expiration = new Date(p.sys.runtime.now + 2 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const b64 = (s: string) => encodeBase64(new TextEncoder().encode(s));
  const token = c.create(SECRETS, 'kube-system', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `bootstrap-token-${tokenId}`, namespace: 'kube-system' },
    type: 'bootstrap.kubernetes.io/token',
    data: { description: b64('Proxy for managing TTL for the kubeadm-certs secret'), expiration: b64(expiration), 'token-id': b64(tokenId), 'token-secret': b64(rand.string(16, ALPHABET)) },
  } as KObject);
  const data: Record<string, string> = {};
  for (const [name, path] of SHARED) {
    let content: string;
    try {
      content = p.fs.readFile(path);
    } catch {
      continue;
    }
    const nonce = rand.bytes(12);
    const sealed = gcm(k, nonce).encrypt(new TextEncoder().encode(content));
    const both = new Uint8Array(nonce.length + sealed.length);
    both.set(nonce);
    both.set(sealed, nonce.length);
    data[name] = encodeBase64(both);
  }
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'kubeadm-certs', namespace: 'kube-system', ownerReferences: [{ apiVersion: 'v1', kind: 'Secret', name: token.metadata.name!, uid: token.metadata.uid!, controller: true, blockOwnerDeletion: true }] },
    type: 'Opaque',
    data,
  } as KObject;
  try {
    const cur = c.get(SECRETS, 'kube-system', 'kubeadm-certs');
    c.update(SECRETS, { ...secret, metadata: { ...cur.metadata, ownerReferences: secret.metadata.ownerReferences } });
  } catch {
    c.create(SECRETS, 'kube-system', secret);
  }
  // Joining nodes read the Secret with their bootstrap token.
  for (const [ref, obj] of [
    [ROLES, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'kubeadm:kubeadm-certs', namespace: 'kube-system' }, rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['kubeadm-certs'], verbs: ['get'] }] }],
    [ROLEBINDINGS, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'kubeadm:kubeadm-certs', namespace: 'kube-system' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'kubeadm:kubeadm-certs' }, subjects: [{ kind: 'Group', name: 'system:bootstrappers:kubeadm:default-node-token', apiGroup: 'rbac.authorization.k8s.io' }] }],
  ] as const) {
    try {
      c.create(ref, 'kube-system', obj as unknown as KObject);
    } catch {
      /* CreateOrUpdate: it exists */
    }
  }
  out += `[upload-certs] Using certificate key:\n${key}\n`;
  return out;
}

/** downloadCerts is the download-certs phase of a control-plane join: it writes the shared files or answers kubeadm's error. */
export async function downloadCerts(p: Process, c: ApiClient, key: string): Promise<string | { error: string }> {
  const raw = decodeKey(key);
  if ('error' in raw) return { error: `error downloading certs: ${raw.error}` };
  let secret: KObject & { data?: Record<string, string> };
  try {
    secret = c.get(SECRETS, 'kube-system', 'kubeadm-certs') as typeof secret;
  } catch {
    return { error: 'error downloading certs: error downloading the secret: Secret "kubeadm-certs" was not found in the "kube-system" Namespace. This Secret might have expired. Please, run `kubeadm init phase upload-certs --upload-certs` on a control plane to generate a new one' };
  }
  const k = aesKey(raw);
  if ('error' in k) return { error: `error downloading certs: error decoding secret data with provided key: ${k.error}` };
  const files: [string, string][] = [];
  for (const [name, path] of SHARED) {
    const enc = secret.data?.[name];
    if (enc === undefined) return { error: "error downloading certs: couldn't find required certificate or key in Secret" };
    const both = decodeBase64(enc);
    try {
      const plain = gcm(k, both.slice(0, 12)).decrypt(both.slice(12));
      files.push([path, new TextDecoder().decode(plain)]);
    } catch {
      return { error: 'error downloading certs: error decoding secret data with provided key: cipher: message authentication failed' };
    }
  }
  for (const [path, content] of files) write(p, path, content, path.endsWith('.crt') || path.endsWith('.pub') ? 0o644 : 0o600);
  return `[download-certs] Downloading the certificates in Secret "kubeadm-certs" in the "kube-system" Namespace\n[download-certs] Saving the certificates to the folder: "/etc/kubernetes/pki"\n`;
}

/** uploadCertsPhase is `kubeadm init phase upload-certs [--upload-certs] [--certificate-key K]`. */
export async function uploadCertsPhase(p: Process, o: { upload: boolean; key: string; skipPrint: boolean }): Promise<number> {
  if (!o.upload) {
    p.stdout.write('[upload-certs] Skipping phase. Please see --upload-certs\n');
    return 0;
  }
  const c = adminClient(p);
  if ('error' in c) return fail(p, `error execution phase upload-certs: ${c.error}`);
  const key = o.key || newCertificateKey(p);
  const r = await uploadCerts(p, c, key);
  if (typeof r !== 'string') return fail(p, `error execution phase upload-certs: ${r.error}`);
  p.stdout.write(o.skipPrint ? r.replace(/\[upload-certs\] Using certificate key:\n.*\n$/, '') : r);
  return 0;
}
