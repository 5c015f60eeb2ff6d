import type { UserInfo } from '../authn/types.ts';

/** Attributes describe what a request wants to do (authorizer.Attributes). */
export interface Attributes {
  user: UserInfo;
  verb: string;
  isResourceRequest: boolean;
  /** path, for non-resource requests such as /healthz */
  path: string;
  namespace: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  name: string;
}

export type Decision = 'allow' | 'deny' | 'noopinion';

export interface Authorizer {
  name: string;
  authorize(a: Attributes): { decision: Decision; reason: string };
}

/** authorizeChain asks each authorizer in turn; the first allow or deny wins (union authorizer). */
export function authorizeChain(chain: Authorizer[], a: Attributes): { allowed: boolean; reason: string } {
  // Every request passes here (and again per impersonated name): the reasons list is only built when there is one.
  let reasons: string[] | undefined;
  for (const z of chain) {
    const r = z.authorize(a);
    if (r.decision === 'allow') return { allowed: true, reason: r.reason };
    if (r.reason) (reasons ??= []).push(r.reason);
    if (r.decision === 'deny') return { allowed: false, reason: reasons?.join(', ') ?? '' };
  }
  return { allowed: false, reason: reasons?.join(', ') ?? '' };
}

/**
 * forbiddenMessage is the apiserver's text for a denied request
 * (endpoints/handlers/responsewriters.forbiddenMessage), before ": reason".
 */
export function forbiddenMessage(a: Attributes): string {
  const who = a.user.name;
  if (!a.isResourceRequest) return `User "${who}" cannot ${a.verb} path "${a.path}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  if (a.namespace) return `User "${who}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" in the namespace "${a.namespace}"`;
  return `User "${who}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" at the cluster scope`;
}
