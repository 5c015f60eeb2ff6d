/**
 * Checking certificates: signatures against an issuer, validity windows against
 * the simulated clock, and the apiserver's client-certificate check with Go's
 * crypto/x509 error texts.
 */
import { rfc3339 } from '../base/clock.ts';
import { bytesEqual, toHex } from './bytes.ts';
import { parseCertificatePem, parseCertificatesPem, type Certificate } from './certificate.ts';
import { commonName, organizations } from './name.ts';
import { OID, SIGNATURE_ALGORITHMS } from './oids.ts';
import type { PublicKey } from './public-key.ts';
import { rsaVerify } from './rsa.ts';

/** verifySignature checks that data was signed with key under the named signature algorithm OID. */
export function verifySignature(key: PublicKey, algorithm: string, data: Uint8Array, signature: Uint8Array): boolean {
  const alg = SIGNATURE_ALGORITHMS[algorithm];
  if (!alg || key.kind !== 'rsa') return false;
  return rsaVerify(key, alg.hash, data, signature);
}

/** verifyCertificateSignature checks that issuer (a certificate or bare key) signed cert. */
export function verifyCertificateSignature(cert: Certificate, issuer: Certificate | PublicKey): boolean {
  const key = 'der' in issuer ? issuer.publicKey : issuer;
  return verifySignature(key, cert.signatureAlgorithm, cert.tbs, cert.signature);
}

/** Validity is where a time falls relative to a certificate's window. */
export type Validity = 'valid' | 'notYetValid' | 'expired';

/** checkValidity places now in the certificate's [notBefore, notAfter] window (both ends inclusive, as Go and OpenSSL do). */
export function checkValidity(cert: Certificate, now: number): Validity {
  if (now < cert.notBefore) return 'notYetValid';
  if (now > cert.notAfter) return 'expired';
  return 'valid';
}

/** issuedBy tells whether cert names issuer as its issuer (and key ids, when both present, agree). */
export function issuedBy(cert: Certificate, issuer: Certificate): boolean {
  if (!bytesEqual(cert.issuerDer, issuer.subjectDer)) return false;
  if (cert.authorityKeyId && issuer.subjectKeyId && !bytesEqual(cert.authorityKeyId, issuer.subjectKeyId)) return false;
  return true;
}

/** ChainResult is the outcome of verifying a leaf against trusted roots. */
export type ChainResult = { ok: true; root: Certificate } | { ok: false; error: string };

/**
 * verifyAgainstRoots checks a leaf certificate the way Go's x509.Verify does for
 * the apiserver's client CA: signed by one of the roots, within its validity, and
 * allowed for the usage (clientAuth) when it lists extended key usages.
 * `rootsSigned` says the roots are already known to have signed the leaf.
 */
export function verifyAgainstRoots(cert: Certificate, roots: readonly Certificate[], now: number, usage: string = OID.clientAuth, rootsSigned = false): ChainResult {
  return judge(cert, rootsSigned ? roots : roots.filter((r) => issuedBy(cert, r) && verifyCertificateSignature(cert, r)), now, usage);
}

// judge applies Go's checks, in Go's order, given the roots already known to have signed cert.
function judge(cert: Certificate, signers: readonly Certificate[], now: number, usage: string): ChainResult {
  const v = checkValidity(cert, now);
  if (v !== 'valid') {
    const detail = v === 'expired'
      ? `current time ${rfc3339(now)} is after ${rfc3339(cert.notAfter)}`
      : `current time ${rfc3339(now)} is before ${rfc3339(cert.notBefore)}`;
    return { ok: false, error: `x509: certificate has expired or is not yet valid: ${detail}` };
  }
  const root = signers.find((r) => checkValidity(r, now) === 'valid');
  if (!root) return { ok: false, error: 'x509: certificate signed by unknown authority' };
  if (cert.extKeyUsage.length > 0 && !cert.extKeyUsage.includes(usage) && !cert.extKeyUsage.includes(ANY_EKU)) {
    return { ok: false, error: 'x509: certificate specifies an incompatible key usage' };
  }
  return { ok: true, root };
}

const ANY_EKU = '2.5.29.37.0';

/** ClientCertVerifier answers who a client certificate names, or why it is refused. */
export interface ClientCertVerifier {
  verify(pem: string, now: number): { commonName: string; organizations: string[] } | { error: string };
}

/**
 * clientCertVerifier implements the apiserver's --client-ca-file check: it
 * answers the user (CN) and groups (O) of a valid client certificate, or Go's
 * error text. Parsing and signature checks are cached per PEM, so a component
 * presenting the same certificate on every request costs a map lookup and a
 * validity comparison.
 */
export function clientCertVerifier(caBundlePem: string): ClientCertVerifier {
  let roots: Certificate[];
  try {
    roots = parseCertificatesPem(caBundlePem);
  } catch {
    roots = [];
  }
  const cache = new Map<string, { cert: Certificate; signedBy: Certificate[] } | { error: string }>();
  return {
    verify(pem, now) {
      let hit = cache.get(pem);
      if (!hit) {
        try {
          const cert = parseCertificatePem(pem);
          hit = { cert, signedBy: roots.filter((r) => issuedBy(cert, r) && verifyCertificateSignature(cert, r)) };
        } catch {
          hit = { error: 'x509: malformed certificate' };
        }
        if (cache.size > 1000) cache.clear();
        cache.set(pem, hit);
      }
      if ('error' in hit) return hit;
      const c = hit.cert;
      const r = judge(c, hit.signedBy, now, OID.clientAuth);
      if (!r.ok) {
        const skid = c.subjectKeyId ? toHex(c.subjectKeyId) : '';
        const akid = c.authorityKeyId ? toHex(c.authorityKeyId) : '';
        return { error: `verifying certificate SN=${c.serial}, SKID=${skid}, AKID=${akid} failed: ${r.error}` };
      }
      return { commonName: commonName(c.subject), organizations: organizations(c.subject) };
    },
  };
}
