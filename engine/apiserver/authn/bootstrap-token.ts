import { decodeBase64, fromUtf8 } from '../../base/base64.ts';
import { parseTime } from '../../base/clock.ts';
import type { KObject } from '../../api/types.ts';
import type { Authenticator, AuthResult } from './types.ts';

/** SecretGetter reads Secrets from the apiserver's cache (kube-system's bootstrap tokens). */
export type SecretGetter = (namespace: string, name: string) => KObject | undefined;

const TOKEN_RE = /^([a-z0-9]{6})\.([a-z0-9]{16})$/;

function field(secret: KObject, key: string): string | undefined {
  const v = (secret.data as Record<string, string> | undefined)?.[key];
  if (v === undefined) return undefined;
  try {
    return fromUtf8(decodeBase64(v));
  } catch {
    return undefined;
  }
}

/**
 * bootstrapTokenAuthenticator accepts "abcdef.0123456789abcdef" tokens backed
 * by the Secret kube-system/bootstrap-token-abcdef (type
 * bootstrap.kubernetes.io/token, usage-bootstrap-authentication "true", not
 * expired). The user is system:bootstrap:<id> in system:bootstrappers plus
 * the secret's auth-extra-groups. Any failure just does not authenticate.
 */
export function bootstrapTokenAuthenticator(getSecret: SecretGetter): Authenticator {
  return {
    name: 'bootstrap-token',
    authenticate(creds, now): AuthResult {
      const m = creds.token ? TOKEN_RE.exec(creds.token) : null;
      if (!m) return { none: true };
      const [, id, secretPart] = m as unknown as [string, string, string];
      const secret = getSecret('kube-system', `bootstrap-token-${id}`);
      if (!secret || secret.metadata.deletionTimestamp) return { none: true };
      if (secret.type !== 'bootstrap.kubernetes.io/token') return { none: true };
      if (field(secret, 'token-id') !== id || field(secret, 'token-secret') !== secretPart) return { none: true };
      const exp = field(secret, 'expiration');
      if (exp !== undefined) {
        const t = parseTime(exp);
        if (t === undefined || now > t) return { none: true };
      }
      if (field(secret, 'usage-bootstrap-authentication') !== 'true') return { none: true };
      const extra = (field(secret, 'auth-extra-groups') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (extra.some((g) => !g.startsWith('system:bootstrappers:'))) return { none: true };
      return { user: { name: `system:bootstrap:${id}`, groups: ['system:bootstrappers', ...extra] } };
    },
  };
}
