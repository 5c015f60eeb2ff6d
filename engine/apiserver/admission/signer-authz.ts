import type { UserInfo } from '../authn/types.ts';
import type { Attributes } from '../authz/types.ts';

/** AuthorizeFn asks the apiserver's authorizer chain (ServerContext.authorize). */
export type AuthorizeFn = (a: Attributes) => { allowed: boolean };

/**
 * isAuthorizedForSignerName checks verb ("approve" or "sign") on
 * certificates.k8s.io signers named signerName, then on "<domain>/*".
 */
export function isAuthorizedForSignerName(authorize: AuthorizeFn, user: UserInfo, verb: string, signerName: string): boolean {
  const attrs = (name: string): Attributes => ({
    user,
    verb,
    isResourceRequest: true,
    path: '',
    namespace: '',
    apiGroup: 'certificates.k8s.io',
    apiVersion: '*',
    resource: 'signers',
    subresource: '',
    name,
  });
  if (authorize(attrs(signerName)).allowed) return true;
  return authorize(attrs(`${signerName.split('/')[0]}/*`)).allowed;
}
