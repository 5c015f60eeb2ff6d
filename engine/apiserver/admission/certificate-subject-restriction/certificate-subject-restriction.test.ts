import { describe, expect, it } from 'vitest';
import { encodeBase64, utf8 } from '../../../base/base64.ts';
import { Rand } from '../../../base/rand.ts';
import type { KObject } from '../../../api/types.ts';
import { createCsr, csrToPem, KeyPool, nameFromGo } from '../../../pki/index.ts';
import { FakeView, request, thrownMessage } from '../testing/fake-view.ts';
import { certificateApproval } from '../certificate-approval/certificate-approval.ts';
import { certificateSigning } from '../certificate-signing/certificate-signing.ts';
import { certificateSubjectRestriction } from './certificate-subject-restriction.ts';

const key = new KeyPool(new Rand(7)).newKey();
const csr = (orgs: string[], signerName = 'kubernetes.io/kube-apiserver-client'): KObject => ({
  apiVersion: 'certificates.k8s.io/v1',
  kind: 'CertificateSigningRequest',
  metadata: { name: 'jane' },
  spec: { signerName, usages: ['client auth'], request: encodeBase64(utf8(csrToPem(createCsr({ subject: nameFromGo({ commonName: 'jane', organization: orgs }), key })))) },
});

describe('certificate admission', () => {
  it('CertificateSubjectRestriction refuses system:masters for the client signer', () => {
    const run = (o: KObject) => thrownMessage(() => certificateSubjectRestriction().validate!(request('CREATE', o), new FakeView()));
    expect(run(csr(['system:masters']))).toBe(
      'certificatesigningrequests.certificates.k8s.io "jane" is forbidden: use of kubernetes.io/kube-apiserver-client signer with system:masters group is not allowed',
    );
    expect(run(csr(['dev']))).toBe('');
    expect(run(csr(['system:masters'], 'example.com/custom'))).toBe('');
  });

  it('CertificateApproval and CertificateSigning ask the authorizer for approve/sign on the signer', () => {
    const asked: string[] = [];
    const authz = (a: { verb: string; name: string }) => (asked.push(`${a.verb} ${a.name}`), { allowed: a.name === 'kubernetes.io/*' && a.verb === 'approve' });
    const c = csr(['dev']);
    const approve = request('UPDATE', c, { old: c, subresource: 'approval' });
    expect(thrownMessage(() => certificateApproval(authz).validate!(approve, new FakeView()))).toBe('');
    expect(asked).toEqual(['approve kubernetes.io/kube-apiserver-client', 'approve kubernetes.io/*']);
    const signed = structuredClone(c);
    signed.status = { certificate: 'Zm9v' };
    expect(thrownMessage(() => certificateSigning(authz).validate!(request('UPDATE', signed, { old: c, subresource: 'status' }), new FakeView()))).toBe(
      'certificatesigningrequests.certificates.k8s.io "jane" is forbidden: user not permitted to sign requests with signerName "kubernetes.io/kube-apiserver-client"',
    );
    const deny = () => ({ allowed: false });
    expect(thrownMessage(() => certificateApproval(deny).validate!(approve, new FakeView()))).toBe(
      'certificatesigningrequests.certificates.k8s.io "jane" is forbidden: user not permitted to approve requests with signerName "kubernetes.io/kube-apiserver-client"',
    );
  });
});
