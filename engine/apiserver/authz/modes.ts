import type { NodeGraphSource } from './node-graph.ts';
import { nodeAuthorizer } from './node.ts';
import { privilegedGroupAuthorizer } from './privileged.ts';
import { rbacAuthorizer, type RbacSource } from './rbac.ts';
import type { Authorizer } from './types.ts';

const ALLOW_ALL: Authorizer = { name: 'AlwaysAllow', authorize: () => ({ decision: 'allow', reason: '' }) };
const DENY_ALL: Authorizer = { name: 'AlwaysDeny', authorize: () => ({ decision: 'deny', reason: 'Everything is forbidden.' }) };
const VALID = ['AlwaysAllow', 'AlwaysDeny', 'ABAC', 'Webhook', 'RBAC', 'Node'];

/** AuthorizerSources are the caches the authorizers read. */
export interface AuthorizerSources {
  rbac: RbacSource;
  nodeGraph: NodeGraphSource;
}

/**
 * authorizersFromModes builds the chain for --authorization-mode (e.g.
 * "Node,RBAC"), after the system:masters privileged-group authorizer that
 * kube-apiserver always puts first. A bad value returns kube-apiserver's
 * startup error text. ABAC and Webhook are accepted but never allow (no
 * policy file or webhook is modelled).
 */
export function authorizersFromModes(modes: string | readonly string[], src: AuthorizerSources): { authorizers: Authorizer[] } | { error: string } {
  const list = (typeof modes === 'string' ? modes.split(',') : modes.flatMap((m) => m.split(','))).map((m) => m.trim()).filter((m) => m !== '');
  const errs: string[] = [];
  if (!list.length) errs.push('at least one authorization-mode must be passed');
  for (const m of list) if (!VALID.includes(m)) errs.push(`authorization-mode "${m}" is not a valid mode`);
  if (new Set(list).size !== list.length) errs.push(`authorization-mode "[${list.join(' ')}]" has mode specified more than once`);
  if (errs.length) return { error: errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]` };
  const out: Authorizer[] = [privilegedGroupAuthorizer];
  for (const m of list) {
    if (m === 'AlwaysAllow') out.push(ALLOW_ALL);
    else if (m === 'AlwaysDeny') out.push(DENY_ALL);
    else if (m === 'RBAC') out.push(rbacAuthorizer(src.rbac));
    else if (m === 'Node') out.push(nodeAuthorizer(src.nodeGraph));
  }
  return { authorizers: out };
}
