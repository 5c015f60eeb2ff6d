import { describe, expect, it } from 'vitest';
import { encodeBase64, utf8 } from '../../base/base64.ts';
import { Rand } from '../../base/rand.ts';
import type { KObject } from '../../api/types.ts';
import { boundTokenClaims, issueServiceAccountToken, KeyPool, legacyTokenClaims, ServiceAccountTokenVerifier } from '../../pki/index.ts';
import { authenticate } from './chain.ts';
import { bootstrapTokenAuthenticator } from './bootstrap-token.ts';
import { INVALID_SINCE_LABEL, LAST_USED_LABEL, serviceAccountTokenAuthenticator, type SaLookup } from './service-account-token.ts';
import { parseTokenFile, tokenFileAuthenticator } from './token-file.ts';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const b64 = (s: string) => encodeBase64(utf8(s));

describe('static token file', () => {
  it('reads token,user,uid,"groups" lines and authenticates them', () => {
    const r = parseTokenFile('/etc/kubernetes/tokens.csv', 'abc123,jane,1001,"dev,ops"\nxyz,bob,1002\n');
    if ('error' in r) throw new Error(r.error);
    const a = tokenFileAuthenticator(r.tokens);
    expect(authenticate([a], { token: 'abc123' }, NOW, false)).toEqual({ user: { name: 'jane', uid: '1001', groups: ['dev', 'ops', 'system:authenticated'] } });
    expect(authenticate([a], { token: 'nope' }, NOW, false)).toEqual({ error: 'invalid credentials' });
  });
  it('refuses a short line with the apiserver text', () => {
    expect(parseTokenFile('/t.csv', 'onlytoken,jane\n')).toEqual({ error: "token file '/t.csv' must have at least 3 columns (token, user name, user uid), found 2" });
  });
});

describe('bootstrap tokens', () => {
  const secret = (data: Record<string, string>, extra: Partial<KObject> = {}): KObject => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'bootstrap-token-abcdef', namespace: 'kube-system' },
    type: 'bootstrap.kubernetes.io/token',
    data: Object.fromEntries(Object.entries({ 'token-id': 'abcdef', 'token-secret': '0123456789abcdef', 'usage-bootstrap-authentication': 'true', ...data }).map(([k, v]) => [k, b64(v)])),
    ...extra,
  });
  const auth = (s: KObject | undefined) => bootstrapTokenAuthenticator((ns, name) => (s && ns === 'kube-system' && name === s.metadata.name ? s : undefined));
  it('authenticates as system:bootstrap:<id> with the extra groups', () => {
    const a = auth(secret({ 'auth-extra-groups': 'system:bootstrappers:kubeadm:default-node-token', expiration: '2026-01-06T09:00:00Z' }));
    expect(a.authenticate({ token: 'abcdef.0123456789abcdef' }, NOW)).toEqual({
      user: { name: 'system:bootstrap:abcdef', groups: ['system:bootstrappers', 'system:bootstrappers:kubeadm:default-node-token'] },
    });
  });
  it('refuses wrong secrets, expired tokens and tokens not meant for authentication', () => {
    expect(auth(secret({})).authenticate({ token: 'abcdef.0123456789abcdeX' }, NOW)).toEqual({ none: true });
    expect(auth(secret({ expiration: '2026-01-04T00:00:00Z' })).authenticate({ token: 'abcdef.0123456789abcdef' }, NOW)).toEqual({ none: true });
    expect(auth(secret({ 'usage-bootstrap-authentication': 'false' })).authenticate({ token: 'abcdef.0123456789abcdef' }, NOW)).toEqual({ none: true });
    expect(auth(undefined).authenticate({ token: 'abcdef.0123456789abcdef' }, NOW)).toEqual({ none: true });
  });
});

describe('ServiceAccount tokens', () => {
  const key = new KeyPool(new Rand(3)).newKey();
  const verifier = new ServiceAccountTokenVerifier([key]);
  const sa: KObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'build', namespace: 'ci', uid: 'sa-uid' } };
  const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'runner', namespace: 'ci', uid: 'pod-uid' } };
  const objects: KObject[] = [sa, pod];
  const lookup: SaLookup = {
    serviceAccount: (ns, n) => objects.find((o) => o.kind === 'ServiceAccount' && o.metadata.namespace === ns && o.metadata.name === n),
    pod: (ns, n) => objects.find((o) => o.kind === 'Pod' && o.metadata.namespace === ns && o.metadata.name === n),
    secret: (ns, n) => objects.find((o) => o.kind === 'Secret' && o.metadata.namespace === ns && o.metadata.name === n),
  };
  const a = serviceAccountTokenAuthenticator(verifier, lookup);

  it('authenticates a bound token as the service account, with pod extras', () => {
    const token = issueServiceAccountToken(boundTokenClaims({ namespace: 'ci', name: 'build', uid: 'sa-uid', now: NOW, pod: { name: 'runner', uid: 'pod-uid' }, jti: 'j-1' }), key);
    expect(a.authenticate({ token }, NOW + 1000)).toEqual({
      user: {
        name: 'system:serviceaccount:ci:build',
        uid: 'sa-uid',
        groups: ['system:serviceaccounts', 'system:serviceaccounts:ci'],
        extra: { 'authentication.kubernetes.io/pod-name': ['runner'], 'authentication.kubernetes.io/pod-uid': ['pod-uid'], 'authentication.kubernetes.io/credential-id': ['JTI=j-1'] },
      },
    });
  });

  it('stops accepting a token once its pod or account is gone, or it expired', () => {
    const gone = issueServiceAccountToken(boundTokenClaims({ namespace: 'ci', name: 'build', uid: 'sa-uid', now: NOW, pod: { name: 'old', uid: 'x' } }), key);
    expect(a.authenticate({ token: gone }, NOW)).toEqual({ error: 'pod ci/old has been deleted' });
    const other = issueServiceAccountToken(boundTokenClaims({ namespace: 'ci', name: 'deleted', uid: 'u', now: NOW }), key);
    expect(a.authenticate({ token: other }, NOW)).toEqual({ error: 'service account ci/deleted has been deleted' });
    const short = issueServiceAccountToken(boundTokenClaims({ namespace: 'ci', name: 'build', uid: 'sa-uid', now: NOW, expirationSeconds: 600 }), key);
    expect(a.authenticate({ token: short }, NOW + 3600_000)).toEqual({ error: 'service account token has expired' });
  });

  it('checks legacy Secret tokens against their Secret with the legacy validator\'s texts, and ignores non-JWT tokens', () => {
    const legacy = issueServiceAccountToken(legacyTokenClaims({ namespace: 'ci', name: 'build', uid: 'sa-uid', secretName: 'build-token' }), key);
    expect(a.authenticate({ token: legacy }, NOW)).toEqual({ error: 'Token has been invalidated' });
    objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'build-token', namespace: 'ci' }, data: { token: b64('another') } });
    expect(a.authenticate({ token: legacy }, NOW)).toEqual({ error: "Token does not match server's copy" });
    objects[objects.length - 1]!.data = { token: b64(legacy) };
    expect('user' in a.authenticate({ token: legacy }, NOW)).toBe(true);
    const stale = issueServiceAccountToken(legacyTokenClaims({ namespace: 'ci', name: 'build', uid: 'old-uid', secretName: 'build-token' }), key);
    objects[objects.length - 1]!.data = { token: b64(stale) };
    expect(a.authenticate({ token: stale }, NOW)).toEqual({ error: 'ServiceAccount UID (sa-uid) does not match claim (old-uid)' });
    expect(a.authenticate({ token: 'abcdef.0123456789abcdef' }, NOW)).toEqual({ none: true });
    objects.pop();
  });

  it('labels a legacy token\'s Secret with the day of use, once a day, and refuses a token the cleaner marked invalid', () => {
    const legacy = issueServiceAccountToken(legacyTokenClaims({ namespace: 'ci', name: 'build', uid: 'sa-uid', secretName: 'build-token' }), key);
    const secret: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'build-token', namespace: 'ci', labels: {} }, data: { token: b64(legacy) } };
    const marks: string[] = [];
    const tracked = serviceAccountTokenAuthenticator(verifier, {
      ...lookup,
      secret: (ns, n) => (ns === 'ci' && n === 'build-token' ? secret : undefined),
      markLegacyTokenUsed: (s, day) => {
        marks.push(day);
        s.metadata.labels = { ...s.metadata.labels, [LAST_USED_LABEL]: day };
      },
    });
    expect('user' in tracked.authenticate({ token: legacy }, NOW)).toBe(true);
    expect('user' in tracked.authenticate({ token: legacy }, NOW + 3600_000)).toBe(true);
    expect(marks).toEqual(['2026-01-05']);
    tracked.authenticate({ token: legacy }, NOW + 86_400_000);
    expect(marks).toEqual(['2026-01-05', '2026-01-06']);
    secret.metadata.labels = { ...secret.metadata.labels, [INVALID_SINCE_LABEL]: '2026-01-06' };
    expect(tracked.authenticate({ token: legacy }, NOW + 86_400_000)).toEqual({
      error:
        "the token in secret ci/build-token for service account ci/build has been marked invalid. Use tokens from the TokenRequest API or manually created secret-based tokens, or remove the 'kubernetes.io/legacy-token-invalid-since' label from the secret to temporarily allow use of this token",
    });
  });
});
