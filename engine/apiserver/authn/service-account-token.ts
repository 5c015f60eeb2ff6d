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
  /**
   * markLegacyTokenUsed labels a legacy token's Secret with the day it was
   * used (kubernetes.io/legacy-token-last-used), as the apiserver patches it
   * through its loopback client.
   */
  markLegacyTokenUsed?(secret: KObject, today: string): void;
}

/** LAST_USED and INVALID_SINCE are the labels the legacy token tracker and cleaner put on token Secrets. */
export const LAST_USED_LABEL = 'kubernetes.io/legacy-token-last-used';
export const INVALID_SINCE_LABEL = 'kubernetes.io/legacy-token-invalid-since';

function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3 && token.startsWith('eyJ');
}

/**
 * checkLegacy is the legacy validator's checks (pkg/serviceaccount/legacy.go)
 * for a token kept in a Secret: the Secret must still hold it, the account
 * must still exist with the same UID, and a Secret the cleaner marked invalid
 * refuses it. Each use labels the Secret with the day (once a day).
 */
function checkLegacy(id: SaIdentity, lookup: SaLookup, token: string, now: number): string | undefined {
  const secretName = id.secretName ?? '';
  const s = lookup.secret(id.namespace, secretName);
  if (!s || s.metadata.deletionTimestamp) return 'Token has been invalidated';
  const data = (s.data as Record<string, string> | undefined)?.['token'];
  if (data !== encodeBase64(utf8(token))) return "Token does not match server's copy";
  const sa = lookup.serviceAccount(id.namespace, id.name);
  if (!sa) return `serviceaccount "${id.name}" not found`;
  if (sa.metadata.deletionTimestamp) return `ServiceAccount ${id.namespace}/${id.name} has been deleted`;
  if (sa.metadata.uid !== id.uid) return `ServiceAccount UID (${sa.metadata.uid}) does not match claim (${id.uid})`;
  const labels = s.metadata.labels ?? {};
  const today = new Date(now).toISOString().slice(0, 10);
  const tomorrow = new Date(now + 86_400_000).toISOString().slice(0, 10);
  if (labels[LAST_USED_LABEL] !== today && labels[LAST_USED_LABEL] !== tomorrow) lookup.markLegacyTokenUsed?.(s, today);
  if (labels[INVALID_SINCE_LABEL]) {
    return `the token in secret ${id.namespace}/${secretName} for service account ${id.namespace}/${id.name} has been marked invalid. Use tokens from the TokenRequest API or manually created secret-based tokens, or remove the '${INVALID_SINCE_LABEL}' label from the secret to temporarily allow use of this token`;
  }
  return undefined;
}

/** checkBound is the validator's object checks; it returns why a token no longer holds, or nothing. */
function checkBound(id: SaIdentity, lookup: SaLookup): string | undefined {
  const sa = lookup.serviceAccount(id.namespace, id.name);
  if (!sa || sa.metadata.deletionTimestamp) return `service account ${id.namespace}/${id.name} has been deleted`;
  if (id.uid && sa.metadata.uid !== id.uid) return `service account UID (${sa.metadata.uid}) does not match claim (${id.uid})`;
  if (id.secretName) {
    const s = lookup.secret(id.namespace, id.secretName);
    if (!s || s.metadata.deletionTimestamp) return `secret ${id.namespace}/${id.secretName} has been deleted`;
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
      const why = r.identity.legacy ? checkLegacy(r.identity, lookup, token, now) : checkBound(r.identity, lookup);
      if (why) return { error: why };
      return { user: serviceAccountUser(r.identity) };
    },
  };
}
