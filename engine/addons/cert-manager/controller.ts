import type { KObject } from '../../api/types.ts';
import { atobUtf8, btoaUtf8 } from '../../base/base64.ts';
import type { Runtime, Timer } from '../../base/runtime.ts';
import { refOf, type ApiClient } from '../../client/client.ts';
import { EventRecorder } from '../../client/events.ts';
import { Informer } from '../../client/informer.ts';
import { R } from '../../client/refs.ts';
import { KeyPool, poolKey, type RsaPrivateKey } from '../../pki/index.ts';
import { DEFAULT_DURATION_MS, issue, parseGoDuration, readKeyPair, type CaKeyPair, type CertificateSpec } from './issue.ts';

/** The cert-manager.io/v1 resources the operator reconciles. */
export const CM = {
  issuers: refOf('cert-manager.io/v1', 'issuers', true),
  clusterissuers: refOf('cert-manager.io/v1', 'clusterissuers', false),
  certificates: refOf('cert-manager.io/v1', 'certificates', true),
};

interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

interface IssuerSpec {
  selfSigned?: object;
  ca?: { secretName: string };
}

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** CertManagerOptions: the API client (the operator's ServiceAccount) and where ClusterIssuers keep their Secrets. */
export interface CertManagerOptions {
  runtime: Runtime;
  client: ApiClient;
  /** --cluster-resource-namespace: where a ClusterIssuer's CA Secret lives (cert-manager's own namespace) */
  clusterResourceNamespace?: string;
  /** log receives what the controller would log at error level (the program writes it as klog lines) */
  log?: (message: string) => void;
}

/**
 * startCertManager runs cert-manager's controllers: Issuers and
 * ClusterIssuers become Ready when they can sign (selfSigned, or a CA whose
 * kubernetes.io/tls Secret holds a key pair); each Certificate whose issuer is
 * Ready gets a fresh key and a signed certificate in its Secret (tls.crt,
 * tls.key, ca.crt), again when the Secret is deleted, its names change or
 * the renewal time passes.
 */
export function startCertManager(o: CertManagerOptions): { stop(): void } {
  const { runtime, client } = o;
  const clusterNs = o.clusterResourceNamespace ?? 'cert-manager';
  const issuers = new Informer(client, CM.issuers, runtime);
  const clusterIssuers = new Informer(client, CM.clusterissuers, runtime);
  const certificates = new Informer(client, CM.certificates, runtime);
  const secrets = new Informer(client, R.secrets, runtime);
  const recorder = new EventRecorder(client, runtime, { component: 'cert-manager-certificates-issuing' });
  const keys = new KeyPool(runtime.rand);
  const takeKey = (): RsaPrivateKey => keys.take() ?? poolKey(runtime.rand.int(8));
  let queued: Timer | undefined;
  const kick = () => {
    queued ??= runtime.after(0, () => {
      queued = undefined;
      syncAll();
    }, 'cert-manager-sync');
  };
  for (const inf of [issuers, clusterIssuers, certificates, secrets]) inf.on({ add: kick, update: kick, delete: kick }).start();
  const resync = runtime.every(60_000, kick, 'cert-manager-resync');

  function caPair(ns: string, secretName: string): CaKeyPair | { error: string } {
    const s = secrets.get(ns, secretName);
    if (!s) return { error: `Error getting keypair for CA issuer: secret "${secretName}" not found` };
    return readKeyPair((s as { data?: Record<string, string> }).data, secretName, atobUtf8);
  }

  function signerOf(spec: IssuerSpec, ns: string): CaKeyPair | 'self' | { error: string } {
    if (spec.selfSigned) return 'self';
    if (spec.ca?.secretName) return caPair(ns, spec.ca.secretName);
    return { error: 'no issuer type is configured (selfSigned or ca)' };
  }

  function setConditions(ref: typeof CM.issuers, obj: KObject, cond: Omit<Condition, 'lastTransitionTime' | 'observedGeneration'>, extra: Record<string, unknown> = {}): void {
    const status = (obj.status ?? {}) as { conditions?: Condition[] };
    const prev = status.conditions?.find((c) => c.type === cond.type);
    const same = prev && prev.status === cond.status && prev.reason === cond.reason && prev.message === cond.message;
    if (same && Object.keys(extra).length === 0) return;
    const next: Condition = { ...cond, lastTransitionTime: prev && prev.status === cond.status ? prev.lastTransitionTime : iso(runtime.now), observedGeneration: obj.metadata.generation };
    const conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next];
    try {
      client.updateStatus(ref, { ...obj, status: { ...status, ...extra, conditions } });
    } catch (e) {
      // A conflict or a deleted object: the next event brings the current version.
      o.log?.(`error updating status of ${ref.plural} ${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata.name}: ${(e as Error).message}`);
    }
  }

  function syncIssuer(ref: typeof CM.issuers, obj: KObject, ns: string): void {
    const signer = signerOf((obj.spec ?? {}) as IssuerSpec, ns);
    if (typeof signer === 'object' && 'error' in signer) setConditions(ref, obj, { type: 'Ready', status: 'False', reason: 'ErrGetKeyPair', message: signer.error });
    else setConditions(ref, obj, { type: 'Ready', status: 'True', reason: signer === 'self' ? 'IsReady' : 'KeyPairVerified', message: signer === 'self' ? '' : 'Signing CA verified' });
  }

  function isReady(obj: KObject | undefined): boolean {
    return !!((obj?.status ?? {}) as { conditions?: Condition[] }).conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
  }

  function syncCertificate(cert: KObject): void {
    const ns = cert.metadata.namespace!;
    const spec = (cert.spec ?? {}) as CertificateSpec;
    if (!spec.secretName || !spec.issuerRef?.name) return;
    const cluster = spec.issuerRef.kind === 'ClusterIssuer';
    const issuer = cluster ? clusterIssuers.get(undefined, spec.issuerRef.name) : issuers.get(ns, spec.issuerRef.name);
    const secret = secrets.get(ns, spec.secretName);
    if (!issuer || !isReady(issuer)) {
      const what = `${cluster ? 'clusterissuer' : 'issuer'}.cert-manager.io "${spec.issuerRef.name}"`;
      setConditions(CM.certificates, cert, { type: 'Ready', status: 'False', reason: issuer ? 'Pending' : 'DoesNotExist', message: issuer ? `Issuing certificate as ${what} is not ready` : `Issuing certificate as Secret does not exist; ${what} not found` });
      return;
    }
    if (secret && upToDate(secret, spec, cert)) {
      setConditions(CM.certificates, cert, { type: 'Ready', status: 'True', reason: 'Ready', message: 'Certificate is up to date and has not expired' });
      return;
    }
    const signer = signerOf((issuer.spec ?? {}) as IssuerSpec, cluster ? clusterNs : ns);
    if (typeof signer === 'object' && 'error' in signer) return;
    const got = issue(spec, takeKey(), signer, runtime.now, runtime.rand);
    if ('error' in got) {
      setConditions(CM.certificates, cert, { type: 'Ready', status: 'False', reason: 'Failed', message: got.error });
      return;
    }
    recorder.event(cert, 'Normal', 'Issuing', secret ? 'Renewing certificate as renewal was scheduled or the Secret changed' : 'Issuing certificate as Secret does not exist');
    const body = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: {
        name: spec.secretName,
        namespace: ns,
        labels: { 'controller.cert-manager.io/fao': 'true' },
        annotations: secretAnnotations(spec, cert, issuer),
      },
      data: { 'ca.crt': btoaUtf8(got.caPem), 'tls.crt': btoaUtf8(got.certPem), 'tls.key': btoaUtf8(got.keyPem) },
    };
    try {
      if (secret) client.update(R.secrets, { ...secret, ...body, metadata: { ...secret.metadata, ...body.metadata } } as KObject);
      else client.create(R.secrets, ns, body);
    } catch (e) {
      o.log?.(`error writing Secret ${ns}/${spec.secretName}: ${(e as Error).message}`);
      return;
    }
    const duration = (spec.duration && parseGoDuration(spec.duration)) || DEFAULT_DURATION_MS;
    const renewBefore = (spec.renewBefore && parseGoDuration(spec.renewBefore)) || duration / 3;
    const revision = (((cert.status ?? {}) as { revision?: number }).revision ?? 0) + 1;
    recorder.event(cert, 'Normal', 'Issuing', 'The certificate has been successfully issued');
    setConditions(CM.certificates, cert, { type: 'Ready', status: 'True', reason: 'Ready', message: 'Certificate is up to date and has not expired' }, {
      notBefore: iso(got.notBefore),
      notAfter: iso(got.notAfter),
      renewalTime: iso(got.notAfter - renewBefore),
      revision,
    });
  }

  function upToDate(secret: KObject, spec: CertificateSpec, cert: KObject): boolean {
    const want = secretAnnotations(spec, cert, undefined);
    const have = secret.metadata.annotations ?? {};
    for (const k of ['cert-manager.io/certificate-name', 'cert-manager.io/common-name', 'cert-manager.io/alt-names', 'cert-manager.io/ip-sans', 'cert-manager.io/issuer-name', 'cert-manager.io/issuer-kind']) {
      if ((have[k] ?? '') !== (want[k] ?? '')) return false;
    }
    const data = (secret as { data?: Record<string, string> }).data ?? {};
    if (!data['tls.crt'] || !data['tls.key']) return false;
    const renewal = ((cert.status ?? {}) as { renewalTime?: string }).renewalTime;
    return !renewal || Date.parse(renewal) > runtime.now;
  }

  function syncAll(): void {
    for (const i of clusterIssuers.list()) syncIssuer(CM.clusterissuers, i, clusterNs);
    for (const i of issuers.list()) syncIssuer(CM.issuers, i, i.metadata.namespace!);
    for (const c of certificates.list()) syncCertificate(c);
  }

  return {
    stop() {
      resync.cancel();
      queued?.cancel();
      for (const inf of [issuers, clusterIssuers, certificates, secrets]) inf.stop();
    },
  };
}

/** secretAnnotations are the annotations cert-manager writes on a certificate's Secret. */
function secretAnnotations(spec: CertificateSpec, cert: KObject, issuer: KObject | undefined): Record<string, string> {
  return {
    'cert-manager.io/alt-names': (spec.dnsNames ?? []).join(','),
    'cert-manager.io/certificate-name': cert.metadata.name!,
    'cert-manager.io/common-name': spec.commonName ?? '',
    'cert-manager.io/ip-sans': (spec.ipAddresses ?? []).join(','),
    'cert-manager.io/issuer-group': spec.issuerRef.group ?? 'cert-manager.io',
    'cert-manager.io/issuer-kind': spec.issuerRef.kind ?? 'Issuer',
    'cert-manager.io/issuer-name': issuer?.metadata.name ?? spec.issuerRef.name,
    'cert-manager.io/uri-sans': '',
  };
}
