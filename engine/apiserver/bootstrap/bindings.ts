import type { KObject } from '../../api/types.ts';
import { CONTROLLER_RULES } from './roles-controllers.ts';
import { binding, group, r, role, sa, user, EVENTS } from './rules.ts';

/** The default ClusterRoleBindings (testdata/cluster-role-bindings.yaml, controller-role-bindings.yaml). */
export function clusterRoleBindings(): KObject[] {
  const crb = (name: string, subjects: Parameters<typeof binding>[3]) => binding(name, 'ClusterRole', name, subjects);
  return [
    crb('cluster-admin', [group('system:masters')]),
    crb('system:basic-user', [group('system:authenticated')]),
    crb('system:discovery', [group('system:authenticated')]),
    crb('system:kube-controller-manager', [user('system:kube-controller-manager')]),
    crb('system:kube-dns', [sa('kube-system', 'kube-dns')]),
    crb('system:kube-scheduler', [user('system:kube-scheduler')]),
    crb('system:monitoring', [group('system:monitoring')]),
    // Since 1.8 kubelets get system:node's permissions from the Node authorizer, not this binding.
    crb('system:node', []),
    crb('system:node-proxier', [user('system:kube-proxy')]),
    crb('system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated')]),
    crb('system:service-account-issuer-discovery', [group('system:serviceaccounts')]),
    binding('system:volume-scheduler', 'ClusterRole', 'system:volume-scheduler', [user('system:kube-scheduler')]),
    ...Object.keys(CONTROLLER_RULES).map((n) => binding(`system:controller:${n}`, 'ClusterRole', `system:controller:${n}`, [sa('kube-system', n)])),
  ];
}

/** namespacedRbac is the bootstrap Roles and RoleBindings in kube-system and kube-public (namespace-roles.yaml). */
export function namespacedRbac(): KObject[] {
  const leader = ['create,get,list,update,watch', 'coordination.k8s.io'] as const;
  return [
    role('kube-public', 'system:controller:bootstrap-signer', [r('get,list,watch', '', 'configmaps'), r('update', '', 'configmaps', 'cluster-info'), EVENTS]),
    role('kube-system', 'extension-apiserver-authentication-reader', [r('get,list,watch', '', 'configmaps', 'extension-apiserver-authentication')]),
    role('kube-system', 'system::leader-locking-kube-controller-manager', [r(...leader, 'leases'), r(...leader, 'leasecandidates')]),
    role('kube-system', 'system::leader-locking-kube-scheduler', [r(...leader, 'leases'), r(...leader, 'leasecandidates')]),
    role('kube-system', 'system:controller:bootstrap-signer', [r('get,list,watch', '', 'secrets')]),
    role('kube-system', 'system:controller:cloud-provider', [r('create,get,list,watch', '', 'configmaps')]),
    role('kube-system', 'system:controller:token-cleaner', [r('delete,get,list,watch', '', 'secrets'), EVENTS]),
    binding('system:controller:bootstrap-signer', 'Role', 'system:controller:bootstrap-signer', [sa('kube-system', 'bootstrap-signer')], { namespace: 'kube-public' }),
    binding('system::extension-apiserver-authentication-reader', 'Role', 'extension-apiserver-authentication-reader', [user('system:kube-controller-manager'), user('system:kube-scheduler')], {
      namespace: 'kube-system',
    }),
    binding(
      'system::leader-locking-kube-controller-manager',
      'Role',
      'system::leader-locking-kube-controller-manager',
      [user('system:kube-controller-manager'), sa('kube-system', 'kube-controller-manager'), sa('kube-system', 'leader-election-controller')],
      { namespace: 'kube-system' },
    ),
    binding('system::leader-locking-kube-scheduler', 'Role', 'system::leader-locking-kube-scheduler', [user('system:kube-scheduler'), sa('kube-system', 'kube-scheduler')], { namespace: 'kube-system' }),
    binding('system:controller:bootstrap-signer', 'Role', 'system:controller:bootstrap-signer', [sa('kube-system', 'bootstrap-signer')], { namespace: 'kube-system' }),
    binding('system:controller:cloud-provider', 'Role', 'system:controller:cloud-provider', [sa('kube-system', 'cloud-provider')], { namespace: 'kube-system' }),
    binding('system:controller:token-cleaner', 'Role', 'system:controller:token-cleaner', [sa('kube-system', 'token-cleaner')], { namespace: 'kube-system' }),
  ];
}
