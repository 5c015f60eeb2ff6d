import type { Credentials } from '../../api/transport.ts';

/** UserInfo is who a request comes from (k8s.io/apiserver/pkg/authentication/user.Info). */
export interface UserInfo {
  name: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

/** AuthResult: a user, no opinion (try the next authenticator), or a definite failure. */
export type AuthResult = { user: UserInfo } | { none: true } | { error: string };

/** Authenticator turns presented credentials into a user. */
export interface Authenticator {
  name: string;
  authenticate(creds: Credentials, now: number): AuthResult;
}

export const SYSTEM_AUTHENTICATED = 'system:authenticated';
export const SYSTEM_UNAUTHENTICATED = 'system:unauthenticated';
export const SYSTEM_MASTERS = 'system:masters';
export const ANONYMOUS: UserInfo = { name: 'system:anonymous', groups: [SYSTEM_UNAUTHENTICATED] };

/** withAuthenticatedGroup adds system:authenticated as the apiserver does for every authenticated user. */
export function withAuthenticatedGroup(u: UserInfo): UserInfo {
  if (u.groups.includes(SYSTEM_AUTHENTICATED)) return u;
  return { ...u, groups: [...u.groups, SYSTEM_AUTHENTICATED] };
}
