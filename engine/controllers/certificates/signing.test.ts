import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../base/base64.ts';
import { R } from '../../client/refs.ts';
import { commonName, createCsr, csrToPem, nameFromGo, newKubeadmCA, organizations, parseCertificatePem, poolKey, verifyCertificateSignature } from '../../pki/index.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

function csrObject(name: string, cn: string, usages: string[], signerName = 'kubernetes.io/kube-apiserver-client') {
  const pem = csrToPem(createCsr({ subject: nameFromGo({ commonName: cn, organization: ['dev'] }), key: poolKey(3) }));
  return { apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', metadata: { name }, spec: { request: encodeBase64(new TextEncoder().encode(pem)), signerName, usages, expirationSeconds: 86400 } };
}

function approve(t: ReturnType<typeof controllerTestCluster>, name: string) {
  const csr = t.admin.get(R.certificatesigningrequests, undefined, name);
  t.admin.update(R.certificatesigningrequests, { ...csr, status: { conditions: [{ type: 'Approved', status: 'True', reason: 'KubectlApprove', message: 'This CSR was approved by kubectl certificate approve.' }] } }, {}, 'approval');
}

describe('csr signing controller', () => {
  it('issues an approved kube-apiserver-client request with the cluster CA', () => {
    const t = controllerTestCluster();
    const ca = newKubeadmCA('kubernetes', poolKey(2), t.runtime.now, t.runtime.rand);
    t.start({ controllers: ['certificatesigningrequest-signing-controller'], ca: { cert: ca.cert, key: ca.key } });
    t.admin.create(R.certificatesigningrequests, undefined, csrObject('jane', 'jane', ['client auth']));
    t.settle();
    expect((t.admin.get(R.certificatesigningrequests, undefined, 'jane').status as { certificate?: string }).certificate).toBeUndefined();
    approve(t, 'jane');
    t.settle();
    const b64 = (t.admin.get(R.certificatesigningrequests, undefined, 'jane').status as { certificate: string }).certificate;
    const cert = parseCertificatePem(new TextDecoder().decode(decodeBase64(b64)));
    expect(commonName(cert.subject)).toBe('jane');
    expect(organizations(cert.subject)).toEqual(['dev']);
    expect(verifyCertificateSignature(cert, ca.cert)).toBe(true);
    // Both ends are backdated by 5 minutes for lifetimes of 8h or more, as the signer does.
    expect(cert.notAfter - cert.notBefore).toBe(86400 * 1000);
  });

  it('fails a request the signer does not allow', () => {
    const t = controllerTestCluster();
    const ca = newKubeadmCA('kubernetes', poolKey(2), t.runtime.now, t.runtime.rand);
    t.start({ controllers: ['certificatesigningrequest-signing-controller'], ca: { cert: ca.cert, key: ca.key } });
    t.admin.create(R.certificatesigningrequests, undefined, csrObject('srv', 'srv', ['server auth']));
    approve(t, 'srv');
    t.settle();
    const conds = (t.admin.get(R.certificatesigningrequests, undefined, 'srv').status as { conditions: { type: string; reason?: string; message?: string }[] }).conditions;
    expect(conds.find((c) => c.type === 'Failed')).toMatchObject({ reason: 'SignerValidationFailure', message: 'invalid usage for client certificate: server auth' });
  });
});
