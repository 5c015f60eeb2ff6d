import type { Credentials } from '../../api/transport.ts';
import { ANONYMOUS, withAuthenticatedGroup, type Authenticator, type UserInfo } from './types.ts';

/**
 * authenticate runs the authenticators in order (client certificate, then
 * bearer tokens), as the apiserver's union authenticator does. With no
 * credentials at all the request is anonymous (when anonymous auth is on).
 */
export function authenticate(
  chain: Authenticator[],
  creds: Credentials | undefined,
  now: number,
  anonymousEnabled: boolean,
): { user: UserInfo } | { error: string } {
  const c = creds ?? {};
  let lastError: string | undefined;
  for (const a of chain) {
    const r = a.authenticate(c, now);
    if ('user' in r) return { user: withAuthenticatedGroup(r.user) };
    if ('error' in r) lastError = r.error;
  }
  if (lastError) return { error: lastError };
  if (c.token || c.clientCertPem || c.basic) return { error: 'invalid credentials' };
  if (anonymousEnabled) return { user: ANONYMOUS };
  return { error: 'no credentials' };
}
