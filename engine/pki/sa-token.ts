/**
 * ServiceAccount token claims as kube-apiserver writes them (bound tokens from
 * the TokenRequest API and legacy Secret-based tokens), and their verification.
 */
import { decodeJwt, signJwt, verifyJwtSignature, type JwtClaims } from './jwt.ts';
import type { RsaPrivateKey, RsaPublicKey } from './rsa.ts';

/** DEFAULT_ISSUER is kubeadm's --service-account-issuer. */
export const DEFAULT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** LEGACY_ISSUER is the issuer of Secret-based tokens. */
export const LEGACY_ISSUER = 'kubernetes/serviceaccount';
/** WARN_ONLY_SECONDS is the kubelet's projected-token lifetime the apiserver extends to a year. */
export const WARN_ONLY_SECONDS = 3607;
const EXTENDED_SECONDS = 365 * 24 * 3600;

/** BoundTokenOptions are the inputs of a TokenRequest. */
export interface BoundTokenOptions {
  namespace: string;
  name: string;
  uid: string;
  /** now, in milliseconds */
  now: number;
  /** spec.expirationSeconds (3600 when unset, as `kubectl create token` gets) */
  expirationSeconds?: number;
  /** spec.audiences; the issuer's audience when empty */
  audiences?: readonly string[];
  issuer?: string;
  pod?: { name: string; uid: string };
  node?: { name: string; uid: string };
  secret?: { name: string; uid: string };
  /** the token's id (a UUID; "jti") */
  jti?: string;
  /** --service-account-extend-token-expiration (default true) */
  extendExpiration?: boolean;
}

/** boundTokenClaims builds the claims of a bound ServiceAccount token. */
export function boundTokenClaims(o: BoundTokenOptions): JwtClaims {
  const iat = Math.floor(o.now / 1000);
  const issuer = o.issuer ?? DEFAULT_ISSUER;
  const requested = o.expirationSeconds ?? 3600;
  const extend = (o.extendExpiration ?? true) && requested === WARN_ONLY_SECONDS && !!o.pod;
  const k8s: Record<string, unknown> = {
    namespace: o.namespace,
    serviceaccount: { name: o.name, uid: o.uid },
  };
  if (o.pod) k8s['pod'] = { name: o.pod.name, uid: o.pod.uid };
  if (o.node) k8s['node'] = { name: o.node.name, uid: o.node.uid };
  if (o.secret) k8s['secret'] = { name: o.secret.name, uid: o.secret.uid };
  if (extend) k8s['warnafter'] = iat + requested;
  const claims: JwtClaims = {
    aud: o.audiences && o.audiences.length > 0 ? [...o.audiences] : [issuer],
    exp: iat + (extend ? EXTENDED_SECONDS : requested),
    iat,
    iss: issuer,
    'kubernetes.io': k8s,
    nbf: iat,
    sub: `system:serviceaccount:${o.namespace}:${o.name}`,
  };
  if (o.jti) claims['jti'] = o.jti;
  return claims;
}

/** legacyTokenClaims builds the claims of a kubernetes.io/service-account-token Secret's token. */
export function legacyTokenClaims(o: { namespace: string; name: string; uid: string; secretName: string }): JwtClaims {
  return {
    iss: LEGACY_ISSUER,
    'kubernetes.io/serviceaccount/namespace': o.namespace,
    'kubernetes.io/serviceaccount/secret.name': o.secretName,
    'kubernetes.io/serviceaccount/service-account.name': o.name,
    'kubernetes.io/serviceaccount/service-account.uid': o.uid,
    sub: `system:serviceaccount:${o.namespace}:${o.name}`,
  };
}

/** issueServiceAccountToken signs claims with sa.key. */
export function issueServiceAccountToken(claims: JwtClaims, saKey: RsaPrivateKey): string {
  return signJwt(claims, saKey);
}

/** ServiceAccountIdentity is what a valid token says about its bearer. */
export interface ServiceAccountIdentity {
  namespace: string;
  name: string;
  uid: string;
  /** "system:serviceaccount:<ns>:<name>" */
  username: string;
  legacy: boolean;
  pod?: { name: string; uid: string };
  node?: { name: string; uid: string };
  secretName?: string;
  /** token id, when present */
  jti?: string;
  exp?: number;
  claims: JwtClaims;
}

/** TokenCheck is a verified identity or the reason for refusal. */
export type TokenCheck = { identity: ServiceAccountIdentity } | { error: string };

const LEEWAY_S = 60;

function identityOf(c: JwtClaims): ServiceAccountIdentity | undefined {
  const sub = typeof c['sub'] === 'string' ? c['sub'] : '';
  const m = sub.match(/^system:serviceaccount:([^:]+):([^:]+)$/);
  if (!m) return undefined;
  const k = c['kubernetes.io'] as Record<string, Record<string, string>> | undefined;
  const legacy = c['iss'] === LEGACY_ISSUER;
  const pick = (o: Record<string, string> | undefined) => (o && o['name'] ? { name: o['name'], uid: o['uid'] ?? '' } : undefined);
  const pod = pick(k?.['pod']);
  const node = pick(k?.['node']);
  const secretName = legacy ? String(c['kubernetes.io/serviceaccount/secret.name'] ?? '') : k?.['secret']?.['name'];
  return {
    namespace: m[1]!,
    name: m[2]!,
    uid: legacy ? String(c['kubernetes.io/serviceaccount/service-account.uid'] ?? '') : (k?.['serviceaccount']?.['uid'] ?? ''),
    username: sub,
    legacy,
    ...(pod ? { pod } : {}),
    ...(node ? { node } : {}),
    ...(secretName ? { secretName } : {}),
    ...(typeof c['jti'] === 'string' ? { jti: c['jti'] } : {}),
    ...(typeof c['exp'] === 'number' ? { exp: c['exp'] } : {}),
    claims: c,
  };
}

/**
 * ServiceAccountTokenVerifier is the apiserver's ServiceAccount token
 * authenticator minus the object lookups (the caller checks that the
 * ServiceAccount, Pod or Secret still exist). Signature checks are cached per
 * token string, so a client that sends the same token on every request costs a
 * map lookup and a clock comparison.
 */
export class ServiceAccountTokenVerifier {
  private cache = new Map<string, ServiceAccountIdentity | { error: string }>();

  constructor(
    private readonly keys: readonly RsaPublicKey[],
    private readonly opts: { issuers?: readonly string[]; audiences?: readonly string[] } = {},
  ) {}

  /** verify checks a bearer token at time now (ms). */
  verify(token: string, now: number): TokenCheck {
    let hit = this.cache.get(token);
    if (!hit) {
      hit = this.check(token);
      if (this.cache.size > 2000) this.cache.clear();
      this.cache.set(token, hit);
    }
    if ('error' in hit) return hit;
    const t = Math.floor(now / 1000);
    const c = hit.claims;
    if (typeof c['exp'] === 'number' && t > c['exp'] + LEEWAY_S) return { error: 'service account token has expired' };
    if (typeof c['nbf'] === 'number' && t + LEEWAY_S < c['nbf']) return { error: 'service account token is not valid yet' };
    return { identity: hit };
  }

  private check(token: string): ServiceAccountIdentity | { error: string } {
    const d = decodeJwt(token);
    if (!d) return { error: 'invalid bearer token' };
    const iss = d.claims['iss'];
    const issuers = this.opts.issuers ?? [DEFAULT_ISSUER, LEGACY_ISSUER];
    if (typeof iss !== 'string' || !issuers.includes(iss)) return { error: 'invalid bearer token' };
    if (!verifyJwtSignature(d, this.keys)) return { error: 'invalid bearer token, go-jose/go-jose: error in cryptographic primitive' };
    if (iss !== LEGACY_ISSUER) {
      const aud = d.claims['aud'];
      const list = Array.isArray(aud) ? aud : typeof aud === 'string' ? [aud] : [];
      const accepted = this.opts.audiences ?? [DEFAULT_ISSUER];
      if (!list.some((a) => accepted.includes(a))) return { error: 'token audiences ' + JSON.stringify(list) + ' is invalid for the target audiences ' + JSON.stringify(accepted) };
    }
    const id = identityOf(d.claims);
    return id ?? { error: 'invalid bearer token' };
  }
}
