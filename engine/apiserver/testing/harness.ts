import { Runtime } from '../../base/runtime.ts';
import { DEFAULT_EPOCH } from '../../base/clock.ts';
import { Registry } from '../../api/registry.ts';
import type { ResourceDef } from '../../api/types.ts';
import { MvccStore } from '../../store/mvcc.ts';
import { AdmissionChain } from '../admission/chain.ts';
import type { AdmissionPlugin } from '../admission/types.ts';
import type { Authenticator } from '../authn/types.ts';
import { privilegedGroupAuthorizer } from '../authz/privileged.ts';
import { rbacAuthorizer } from '../authz/rbac.ts';
import { ApiServer } from '../server.ts';
import type { RestHooks } from '../context.ts';
import { storageRbacSource } from '../authz/storage-source.ts';

/**
 * tokenAuthenticator maps fixed tokens to users, for tests: "admin" is in
 * system:masters, any other "user:group1,group2" token names itself.
 */
export const testTokenAuthenticator: Authenticator = {
  name: 'test-token',
  authenticate(creds) {
    if (!creds.token) return { none: true };
    if (creds.token === 'admin') return { user: { name: 'admin', groups: ['system:masters'] } };
    const [name, groups] = creds.token.split(':');
    return { user: { name: name!, groups: groups ? groups.split(',') : [] } };
  },
};

/** testApiServer builds an apiserver over a fresh store with test authentication and RBAC. */
export function testApiServer(opts: { defs?: ResourceDef[]; admission?: AdmissionPlugin[]; seed?: number; hooks?: Record<string, RestHooks> } = {}) {
  const runtime = new Runtime({ start: DEFAULT_EPOCH, seed: opts.seed ?? 1 });
  const kv = new MvccStore();
  const registry = new Registry(opts.defs);
  const server = new ApiServer({
    runtime,
    kv,
    registry,
    authenticators: [testTokenAuthenticator],
    authorizers: (storage) => [privilegedGroupAuthorizer, rbacAuthorizer(storageRbacSource(storage))],
    admission: new AdmissionChain(opts.admission ?? []),
    hooks: opts.hooks,
    serviceCidr: '10.96.0.0/12',
    nodePortRange: [30000, 32767],
    advertiseAddress: '192.168.1.10:6443',
    version: {
      major: '1',
      minor: '34',
      gitVersion: 'v1.34.1',
      gitCommit: '0000000000000000000000000000000000000000',
      gitTreeState: 'clean',
      buildDate: '2025-09-09T00:00:00Z',
      goVersion: 'go1.24.6',
      compiler: 'gc',
      platform: 'linux/amd64',
    },
    anonymousAuth: true,
  });
  return { runtime, kv, registry, server };
}
