import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64, fromUtf8 } from '../base/base64.ts';
import { poolKey } from './key-pool.ts';
import { publicKeyToPem } from './keys.ts';
import { decodeJwt, keyId } from './jwt.ts';
import {
  boundTokenClaims, issueServiceAccountToken, legacyTokenClaims, ServiceAccountTokenVerifier,
} from './sa-token.ts';
import { publicOf } from './rsa.ts';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const sa = poolKey(10);
const other = poolKey(11);

describe('ServiceAccount tokens', () => {
  const claims = boundTokenClaims({
    namespace: 'dev', name: 'build-bot', uid: 'u-1', now: NOW, jti: 'j-1',
    pod: { name: 'web-0', uid: 'p-1' }, node: { name: 'node01', uid: 'n-1' }, expirationSeconds: 3607,
  });
  const token = issueServiceAccountToken(claims, sa);

  it('signs RS256 tokens that an independent verifier (node:crypto) accepts', () => {
    const [h, p, s] = token.split('.') as [string, string, string];
    const ok = nodeVerify('RSA-SHA256', Buffer.from(`${h}.${p}`), createPublicKey(publicKeyToPem(sa)), Buffer.from(s, 'base64url'));
    expect(ok).toBe(true);
    expect(JSON.parse(fromUtf8(decodeBase64(h)))).toEqual({ alg: 'RS256', kid: keyId(sa) });
  });

  it('writes the apiserver claims with sorted keys and the kubelet token extension', () => {
    const payload = fromUtf8(decodeBase64(token.split('.')[1]!));
    const iat = NOW / 1000;
    expect(payload).toBe(
      `{"aud":["https://kubernetes.default.svc.cluster.local"],"exp":${iat + 365 * 24 * 3600},"iat":${iat},` +
      `"iss":"https://kubernetes.default.svc.cluster.local","jti":"j-1","kubernetes.io":{"namespace":"dev",` +
      `"node":{"name":"node01","uid":"n-1"},"pod":{"name":"web-0","uid":"p-1"},"serviceaccount":{"name":"build-bot","uid":"u-1"},` +
      `"warnafter":${iat + 3607}},"nbf":${iat},"sub":"system:serviceaccount:dev:build-bot"}`,
    );
    const plain = boundTokenClaims({ namespace: 'dev', name: 'x', uid: 'u', now: NOW });
    expect(plain['exp']).toBe(iat + 3600);
  });

  it('verifies, identifies and caches; refuses expired, foreign and tampered tokens', () => {
    const v = new ServiceAccountTokenVerifier([publicOf(sa)]);
    const r = v.verify(token, NOW);
    expect('identity' in r && r.identity).toMatchObject({ namespace: 'dev', name: 'build-bot', uid: 'u-1', username: 'system:serviceaccount:dev:build-bot', pod: { name: 'web-0', uid: 'p-1' }, legacy: false });
    expect(v.verify(token, NOW)).toEqual(r);
    const short = issueServiceAccountToken(boundTokenClaims({ namespace: 'a', name: 'b', uid: 'c', now: NOW, expirationSeconds: 600 }), sa);
    expect(v.verify(short, NOW + 600_000 + 60_000)).toHaveProperty('identity');
    expect(v.verify(short, NOW + 600_000 + 61_000)).toEqual({ error: 'service account token has expired' });
    expect(v.verify(issueServiceAccountToken(claims, other), NOW)).toHaveProperty('error');
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(v.verify(`${h}.${p.slice(0, -2)}AA.${s}`, NOW)).toHaveProperty('error');
    expect(v.verify('not-a-jwt', NOW)).toEqual({ error: 'invalid bearer token' });
    const aud = issueServiceAccountToken(boundTokenClaims({ namespace: 'a', name: 'b', uid: 'c', now: NOW, audiences: ['vault'] }), sa);
    expect(v.verify(aud, NOW)).toHaveProperty('error');
  });

  it('issues and accepts legacy Secret-based tokens', () => {
    const t = issueServiceAccountToken(legacyTokenClaims({ namespace: 'default', name: 'old', uid: 'u-9', secretName: 'old-token' }), sa);
    expect(Object.keys(decodeJwt(t)!.claims)).toEqual([
      'iss', 'kubernetes.io/serviceaccount/namespace', 'kubernetes.io/serviceaccount/secret.name',
      'kubernetes.io/serviceaccount/service-account.name', 'kubernetes.io/serviceaccount/service-account.uid', 'sub',
    ]);
    const r = new ServiceAccountTokenVerifier([publicOf(sa)]).verify(t, NOW + 1e12);
    expect('identity' in r && r.identity).toMatchObject({ legacy: true, secretName: 'old-token', uid: 'u-9', name: 'old' });
  });
});
