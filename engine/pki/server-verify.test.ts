import { describe, expect, it } from 'vitest';
import { Rand } from '../base/rand.ts';
import { DEFAULT_EPOCH } from '../base/clock.ts';
import { createKubeadmPki } from './kubeadm-pki.ts';
import { verifyServerCertificate } from './server-verify.ts';

describe('verifyServerCertificate', () => {
  const pki = createKubeadmPki({ controlPlaneHost: 'controlplane', controlPlaneIp: '192.168.100.10', now: DEFAULT_EPOCH, rand: new Rand(7) });
  const serving = pki.certs['apiserver']!.certPem;
  const ca = pki.cas['ca']!.certPem;
  const otherCa = pki.cas['front-proxy-ca']!.certPem;

  it('trusts the apiserver certificate for its names and IPs', () => {
    for (const name of ['controlplane', 'kubernetes', 'kubernetes.default.svc.cluster.local', '10.96.0.1', '192.168.100.10']) {
      expect(verifyServerCertificate(serving, ca, name, DEFAULT_EPOCH + 1000)).toBeUndefined();
    }
  });

  it('answers Go crypto/tls texts for a wrong CA, a wrong name, and an expired certificate', () => {
    expect(verifyServerCertificate(serving, otherCa, 'controlplane', DEFAULT_EPOCH)).toBe('x509: certificate signed by unknown authority');
    expect(verifyServerCertificate(serving, ca, 'nope', DEFAULT_EPOCH)).toBe(
      'x509: certificate is valid for controlplane, kubernetes, kubernetes.default, kubernetes.default.svc, kubernetes.default.svc.cluster.local, not nope',
    );
    expect(verifyServerCertificate(serving, ca, '10.0.0.1', DEFAULT_EPOCH)).toBe('x509: certificate is valid for 10.96.0.1, 192.168.100.10, not 10.0.0.1');
    const later = DEFAULT_EPOCH + 400 * 24 * 3600 * 1000;
    expect(verifyServerCertificate(serving, ca, 'controlplane', later)).toBe('x509: certificate has expired or is not yet valid: current time 2027-02-09T09:00:00Z is after 2027-01-05T09:00:00Z');
  });
});
