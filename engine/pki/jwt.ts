/**
 * JSON Web Tokens signed with RS256, as the apiserver issues ServiceAccount
 * tokens with sa.key and checks them with sa.pub (pkg/serviceaccount).
 */
import { decodeBase64, encodeBase64, fromUtf8, utf8 } from '../base/base64.ts';
import { digest } from './hash.ts';
import { encodeSpki } from './keys.ts';
import { rsaSign, rsaVerify, type RsaPrivateKey, type RsaPublicKey } from './rsa.ts';

/** base64url encodes without padding (RFC 7515 §2). */
export function base64url(b: Uint8Array): string {
  return encodeBase64(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** keyId is the "kid" Kubernetes puts in token headers: base64url(SHA-256(PKIX public key DER)). */
export function keyId(k: RsaPublicKey): string {
  return base64url(digest('sha256', encodeSpki(k)));
}

/** JwtClaims is a token payload. */
export type JwtClaims = Record<string, unknown>;

// go-jose marshals claims through a map, so object keys come out sorted at every level.
function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** signJwt makes a compact RS256 token with header {"alg":"RS256","kid":…}. */
export function signJwt(claims: JwtClaims, key: RsaPrivateKey, kid: string = keyId(key)): string {
  const head = base64url(utf8(`{"alg":"RS256","kid":${JSON.stringify(kid)}}`));
  const body = base64url(utf8(sortedJson(claims)));
  const sig = rsaSign(key, 'sha256', utf8(`${head}.${body}`));
  return `${head}.${body}.${base64url(sig)}`;
}

/** DecodedJwt is a token's header and claims, not yet trusted. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: JwtClaims;
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** decodeJwt splits and parses a compact token without checking it; undefined when malformed. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(fromUtf8(decodeBase64(parts[0]!))) as Record<string, unknown>;
    const claims = JSON.parse(fromUtf8(decodeBase64(parts[1]!))) as JwtClaims;
    if (!header || typeof header !== 'object' || !claims || typeof claims !== 'object') return undefined;
    return { header, claims, signingInput: utf8(`${parts[0]}.${parts[1]}`), signature: decodeBase64(parts[2]!) };
  } catch {
    return undefined;
  }
}

/** verifyJwtSignature checks an RS256 token against any of the keys (the apiserver accepts several --service-account-key-file keys). */
export function verifyJwtSignature(d: DecodedJwt, keys: readonly RsaPublicKey[]): boolean {
  if (d.header['alg'] !== 'RS256') return false;
  return keys.some((k) => rsaVerify(k, 'sha256', d.signingInput, d.signature));
}
