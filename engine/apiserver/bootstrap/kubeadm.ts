import type { KObject } from '../../api/types.ts';
import { binding, group, r, RBAC_V1, role, sa, user } from './rules.ts';

/** The RBAC objects `kubeadm init` creates on top of the apiserver's defaults (no bootstrap label). */

const NODE_TOKEN_GROUP = 'system:bootstrappers:kubeadm:default-node-token';

/** kubeadmRbacObjects lists kubeadm's ClusterRoles, Roles and bindings, plus CoreDNS's and kube-proxy's. */
export function kubeadmRbacObjects(): KObject[] {
  const plain = { bootstrap: false } as const;
  return [
    binding('kubeadm:cluster-admins', 'ClusterRole', 'cluster-admin', [group('kubeadm:cluster-admins')], plain),
    binding('kubeadm:kubelet-bootstrap', 'ClusterRole', 'system:node-bootstrapper', [group(NODE_TOKEN_GROUP)], plain),
    binding('kubeadm:node-autoapprove-bootstrap', 'ClusterRole', 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', [group(NODE_TOKEN_GROUP)], plain),
    binding('kubeadm:node-autoapprove-certificate-rotation', 'ClusterRole', 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [group('system:nodes')], plain),
    { apiVersion: RBAC_V1, kind: 'ClusterRole', metadata: { name: 'kubeadm:get-nodes' }, rules: [r('get', '', 'nodes')] },
    binding('kubeadm:get-nodes', 'ClusterRole', 'kubeadm:get-nodes', [group(NODE_TOKEN_GROUP)], plain),
    binding('kubeadm:node-proxier', 'ClusterRole', 'system:node-proxier', [sa('kube-system', 'kube-proxy')], plain),
    {
      apiVersion: RBAC_V1,
      kind: 'ClusterRole',
      metadata: { name: 'system:coredns' },
      rules: [r('list,watch', '', 'endpoints,services,pods,namespaces'), r('list,watch', 'discovery.k8s.io', 'endpointslices')],
    },
    binding('system:coredns', 'ClusterRole', 'system:coredns', [sa('kube-system', 'coredns')], plain),
    role('kube-system', 'kubeadm:nodes-kubeadm-config', [r('get', '', 'configmaps', 'kubeadm-config')], false),
    binding('kubeadm:nodes-kubeadm-config', 'Role', 'kubeadm:nodes-kubeadm-config', [group(NODE_TOKEN_GROUP), group('system:nodes')], { namespace: 'kube-system', bootstrap: false }),
    role('kube-system', 'kubeadm:kubelet-config', [r('get', '', 'configmaps', 'kubelet-config')], false),
    binding('kubeadm:kubelet-config', 'Role', 'kubeadm:kubelet-config', [group('system:nodes'), group(NODE_TOKEN_GROUP)], { namespace: 'kube-system', bootstrap: false }),
    role('kube-system', 'kube-proxy', [r('get', '', 'configmaps', 'kube-proxy')], false),
    binding('kube-proxy', 'Role', 'kube-proxy', [group(NODE_TOKEN_GROUP)], { namespace: 'kube-system', bootstrap: false }),
    role('kube-public', 'kubeadm:bootstrap-signer-clusterinfo', [r('get', '', 'configmaps', 'cluster-info')], false),
    binding('kubeadm:bootstrap-signer-clusterinfo', 'Role', 'kubeadm:bootstrap-signer-clusterinfo', [user('system:anonymous')], { namespace: 'kube-public', bootstrap: false }),
  ];
}
