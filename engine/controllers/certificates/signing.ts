import type { KObject } from '../../api/types.ts';
import { decodeBase64, encodeBase64 } from '../../base/base64.ts';
import { R } from '../../client/refs.ts';
import { certificateToPem, commonName, organizations, parseCsrPem, signCsr } from '../../pki/index.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { WorkQueue } from '../base/workqueue.ts';

interface CsrSpec {
  request?: string;
  signerName?: string;
  usages?: string[];
  expirationSeconds?: number;
}
interface CsrCondition {
  type: string;
  status: string;
}

export const SIGNERS = ['kubernetes.io/kube-apiserver-client', 'kubernetes.io/kube-apiserver-client-kubelet', 'kubernetes.io/kubelet-serving', 'kubernetes.io/legacy-unknown'];
const CLIENT_USAGES = ['client auth', 'digital signature', 'key encipherment'];
const SERVING_USAGES = ['server auth', 'digital signature', 'key encipherment'];

/** validateForSigner is the per-signer check of pkg/controller/certificates/signer (usages and, for kubelets, subject). */
export function validateForSigner(signer: string, usages: string[], cn: string, orgs: string[]): string | undefined {
  if (signer === 'kubernetes.io/kube-apiserver-client') {
    const bad = usages.filter((u) => !CLIENT_USAGES.includes(u));
    if (bad.length) return `invalid usage for client certificate: ${bad.join(',')}`;
    if (!usages.includes('client auth')) return 'missing required usages: client auth';
  }
  if (signer === 'kubernetes.io/kube-apiserver-client-kubelet') {
    if (!cn.startsWith('system:node:') || orgs.length !== 1 || orgs[0] !== 'system:nodes') return 'invalid subject for kubelet client certificate';
  }
  if (signer === 'kubernetes.io/kubelet-serving') {
    const bad = usages.filter((u) => !SERVING_USAGES.includes(u));
    if (bad.length) return `invalid usage for kubelet serving certificate: ${bad.join(',')}`;
  }
  return undefined;
}

const has = (csr: KObject, type: string) => ((csr.status as { conditions?: CsrCondition[] } | undefined)?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/**
 * startCsrSigningController runs the csrsigning controller: approved
 * requests for the built-in signers get status.certificate from the
 * cluster CA (or a Failed condition when the request breaks the signer's rules).
 */
export function startCsrSigningController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const csrInf = ctx.informers.informer(R.certificatesigningrequests);
  const queue = new WorkQueue(runtime, 'csrsigning', sync);
  const ca = ctx.options.ca;
  csrInf.on({ add: (o) => queue.add(o.metadata.name!), update: (_o, n) => queue.add(n.metadata.name!) });

  function sync(name: string): void {
    const csr = csrInf.get(undefined, name);
    if (!csr || !ca) return;
    const spec = (csr.spec ?? {}) as CsrSpec;
    const status = (csr.status ?? {}) as { certificate?: string; conditions?: unknown[] };
    if (!SIGNERS.includes(spec.signerName ?? '') || status.certificate || !has(csr, 'Approved') || has(csr, 'Denied') || has(csr, 'Failed')) return;
    let verdict: string | undefined;
    let pem: string | undefined;
    try {
      const req = parseCsrPem(new TextDecoder().decode(decodeBase64(spec.request ?? '')));
      verdict = validateForSigner(spec.signerName!, spec.usages ?? [], commonName(req.subject) ?? '', organizations(req.subject));
      if (!verdict) {
        const cert = signCsr(req, { ca, usages: spec.usages ?? [], now: runtime.now, rand: runtime.rand, expirationSeconds: spec.expirationSeconds });
        if ('error' in cert) verdict = cert.error;
        else pem = certificateToPem(cert);
      }
    } catch (err) {
      verdict = `unable to parse csr: ${(err as Error).message}`;
    }
    const next = pem
      ? { ...status, certificate: encodeBase64(new TextEncoder().encode(pem)) }
      : { ...status, conditions: [...(status.conditions ?? []), { type: 'Failed', status: 'True', reason: 'SignerValidationFailure', message: verdict, lastUpdateTime: new Date(runtime.now).toISOString().replace(/\.\d+Z$/, 'Z'), lastTransitionTime: new Date(runtime.now).toISOString().replace(/\.\d+Z$/, 'Z') }] };
    try {
      client.updateStatus(R.certificatesigningrequests, { ...csr, status: next });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return { stop: () => queue.stop() };
}
