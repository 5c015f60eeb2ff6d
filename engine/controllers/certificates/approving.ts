import type { KObject } from '../../api/types.ts';
import { decodeBase64 } from '../../base/base64.ts';
import { rfc3339 } from '../../base/clock.ts';
import { R } from '../../client/refs.ts';
import { commonName, organizations, parseCsrPem } from '../../pki/index.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { WorkQueue } from '../base/workqueue.ts';

const KUBELET_CLIENT = 'kubernetes.io/kube-apiserver-client-kubelet';
const ALLOWED_USAGES = ['digital signature', 'key encipherment', 'client auth'];

/**
 * startCsrApprovingController runs the csrapproving controller: kubelet
 * client requests are approved when a SubjectAccessReview shows the
 * requester may create certificatesigningrequests/nodeclient (bootstrap) or
 * /selfnodeclient (renewal of its own certificate).
 */
export function startCsrApprovingController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const csrInf = ctx.informers.informer(R.certificatesigningrequests);
  const queue = new WorkQueue(runtime, 'csrapproving', sync);
  csrInf.on({ add: (o) => queue.add(o.metadata.name!), update: (_o, n) => queue.add(n.metadata.name!) });

  const allowed = (csr: KObject, subresource: string): boolean => {
    const spec = csr.spec as { username?: string; groups?: string[]; uid?: string; extra?: Record<string, string[]> };
    const sar = client.create({ group: 'authorization.k8s.io', version: 'v1', plural: 'subjectaccessreviews', namespaced: false }, undefined, {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { user: spec.username, groups: spec.groups, uid: spec.uid, extra: spec.extra, resourceAttributes: { group: 'certificates.k8s.io', resource: 'certificatesigningrequests', verb: 'create', subresource } },
    });
    return !!(sar.status as { allowed?: boolean } | undefined)?.allowed;
  };

  function sync(name: string): void {
    const csr = csrInf.get(undefined, name);
    if (!csr) return;
    const spec = (csr.spec ?? {}) as { signerName?: string; request?: string; usages?: string[]; username?: string };
    const conds = ((csr.status as { conditions?: { type: string }[] } | undefined)?.conditions ?? []);
    if (spec.signerName !== KUBELET_CLIENT || conds.some((c) => c.type === 'Approved' || c.type === 'Denied')) return;
    let cn = '';
    let orgs: string[] = [];
    try {
      const req = parseCsrPem(new TextDecoder().decode(decodeBase64(spec.request ?? '')));
      cn = commonName(req.subject) ?? '';
      orgs = organizations(req.subject);
    } catch {
      return;
    }
    if (!cn.startsWith('system:node:') || orgs.length !== 1 || orgs[0] !== 'system:nodes' || !(spec.usages ?? []).every((u) => ALLOWED_USAGES.includes(u))) return;
    const ok = (cn === spec.username && allowed(csr, 'selfnodeclient')) || allowed(csr, 'nodeclient');
    if (!ok) return;
    const t = rfc3339(runtime.now);
    try {
      client.update(R.certificatesigningrequests, { ...csr, status: { ...((csr.status as object) ?? {}), conditions: [...conds, { type: 'Approved', status: 'True', reason: 'AutoApproved', message: 'Auto approving kubelet client certificate after SubjectAccessReview.', lastUpdateTime: t, lastTransitionTime: t }] } }, {}, 'approval');
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return { stop: () => queue.stop() };
}
