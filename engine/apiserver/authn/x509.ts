import type { Authenticator, AuthResult } from './types.ts';

/** X509Verifier checks a client certificate against the apiserver's --client-ca-file. */
export interface X509Verifier {
  /** verify answers the subject of a certificate signed by a trusted CA and valid at now, or why not. */
  verify(pem: string, now: number): { commonName: string; organizations: string[] } | { error: string };
}

/**
 * x509Authenticator is the client-certificate authenticator: the subject's CN
 * is the user name and each O is a group. Results are cached per certificate,
 * re-checking only the validity window, since components present the same
 * certificate on every request.
 */
export function x509Authenticator(verifier: X509Verifier): Authenticator {
  const cache = new Map<string, { r: ReturnType<X509Verifier['verify']>; checkedAt: number }>();
  return {
    name: 'x509',
    authenticate(creds, now): AuthResult {
      const pem = creds.clientCertPem;
      if (!pem) return { none: true };
      let hit = cache.get(pem);
      if (!hit || hit.checkedAt !== now) {
        hit = { r: verifier.verify(pem, now), checkedAt: now };
        if (cache.size > 1000) cache.clear();
        cache.set(pem, hit);
      }
      const r = hit.r;
      if ('error' in r) return { error: r.error };
      return { user: { name: r.commonName, groups: [...r.organizations] } };
    },
  };
}
