import { SYSTEM_MASTERS } from '../authn/types.ts';
import type { Authorizer } from './types.ts';

/** privilegedGroupAuthorizer allows everything to members of system:masters, before RBAC is consulted. */
export const privilegedGroupAuthorizer: Authorizer = {
  name: 'privileged-group',
  authorize: (a) => (a.user.groups.includes(SYSTEM_MASTERS) ? { decision: 'allow', reason: '' } : { decision: 'noopinion', reason: '' }),
};
