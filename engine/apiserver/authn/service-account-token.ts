import { encodeBase64, utf8 } from '../../base/base64.ts';
import type { KObject } from '../../api/types.ts';
import type { Authenticator, AuthResult, UserInfo } from './types.ts';

/**
 * TokenVerifier checks a JWT's signature, issuer, audience and time
 * (engine/pki's ServiceAccountTokenVerifier satisfies it).
 */
export interface TokenVerifier {
  verify(token: string, now: number): { identity: SaIdentity } | { error: string };
}

/** SaIdentity is what a verified token claims (pki's ServiceAccountIdentity). */
export interface SaIdentity {
  namespace: string;
  name: string;
  uid: string;
  legacy: boolean;
  pod?: { name: string; uid: string };
  node?: { name: string; uid: string };
  secretName?: string;
  jti?: string;
}

/** SaLookup reads the objects a token is bound to, from the apiserver's cache. */
export interface SaLookup {
  serviceAccount(namespace: string, name: string): KObject | undefined;
  pod(namespace: string, name: string): KObject | undefined;
  secret(namespace: string, name: string): KObject | undefined;
  node?(name: string): KObject | undefined;
}

function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3 && token.startsWith('eyJ');
}

/** checkBound is the validator's object checks; it returns why a token no longer holds, or nothing. */
function checkBound(id: SaIdentity, lookup: SaLookup, token: string): string | undefined {
  const sa = lookup.serviceAccount(id.namespace, id.name);
  if (!sa || sa.metadata.deletionTimestamp) return `service account ${id.namespace}/${id.name} has been deleted`;
  if (id.uid && sa.metadata.uid !== id.uid) return `service account UID (${sa.metadata.uid}) does not match claim (${id.uid})`;
  if (id.secretName) {
    const s = lookup.secret(id.namespace, id.secretName);
    if (!s || s.metadata.deletionTimestamp) return `secret ${id.namespace}/${id.secretName} has been deleted`;
    if (id.legacy) {
      const data = (s.data as Record<string, string> | undefined)?.['token'];
      if (data !== undefined && data !== encodeBase64(utf8(token))) return 'token does not match';
    }
  }
  if (id.pod) {
    const p = lookup.pod(id.namespace, id.pod.name);
    if (!p || p.metadata.deletionTimestamp) return `pod ${id.namespace}/${id.pod.name} has been deleted`;
    if (p.metadata.uid !== id.pod.uid) return `pod UID (${p.metadata.uid}) does not match claim (${id.pod.uid})`;
  }
  if (id.node && lookup.node) {
    const n = lookup.node(id.node.name);
    if (!n) return `node ${id.node.name} has been deleted`;
    if (n.metadata.uid !== id.node.uid) return `node UID (${n.metadata.uid}) does not match claim (${id.node.uid})`;
  }
  return undefined;
}

/** serviceAccountUser is the user a ServiceAccount authenticates as. */
export function serviceAccountUser(id: SaIdentity): UserInfo {
  const extra: Record<string, string[]> = {};
  if (id.pod) {
    extra['authentication.kubernetes.io/pod-name'] = [id.pod.name];
    extra['authentication.kubernetes.io/pod-uid'] = [id.pod.uid];
  }
  if (id.node) {
    extra['authentication.kubernetes.io/node-name'] = [id.node.name];
    extra['authentication.kubernetes.io/node-uid'] = [id.node.uid];
  }
  if (id.jti) extra['authentication.kubernetes.io/credential-id'] = [`JTI=${id.jti}`];
  return {
    name: `system:serviceaccount:${id.namespace}:${id.name}`,
    uid: id.uid,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${id.namespace}`],
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}

/**
 * serviceAccountTokenAuthenticator authenticates ServiceAccount JWTs: the
 * signature is checked with the keys of --service-account-key-file (through
 * the injected verifier), then the account — and for bound tokens the pod,
 * secret or node — must still exist with the same UID.
 */
export function serviceAccountTokenAuthenticator(verifier: TokenVerifier, lookup: SaLookup): Authenticator {
  return {
    name: 'service-account',
    authenticate(creds, now): AuthResult {
      const token = creds.token;
      if (!token || !looksLikeJwt(token)) return { none: true };
      const r = verifier.verify(token, now);
      if ('error' in r) return { error: r.error };
      const why = checkBound(r.identity, lookup, token);
      if (why) return { error: why };
      return { user: serviceAccountUser(r.identity) };
    },
  };
}
