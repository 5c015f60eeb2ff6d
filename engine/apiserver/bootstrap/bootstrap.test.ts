import { describe, expect, it } from 'vitest';
import { bootstrapRbacObjects, kubeadmRbacObjects } from './index.ts';

describe('bootstrap RBAC policy', () => {
  const objs = bootstrapRbacObjects();
  const names = (kind: string) => objs.filter((o) => o.kind === kind).map((o) => `${o.metadata.namespace ? o.metadata.namespace + '/' : ''}${o.metadata.name}`);

  it('creates the default ClusterRoles, controller roles and bindings with the bootstrap label and autoupdate', () => {
    const roles = names('ClusterRole');
    for (const n of ['cluster-admin', 'admin', 'edit', 'view', 'system:basic-user', 'system:discovery', 'system:public-info-viewer', 'system:node', 'system:node-proxier', 'system:kube-scheduler', 'system:kube-controller-manager', 'system:volume-scheduler', 'system:kube-dns', 'system:monitoring', 'system:auth-delegator', 'system:heapster', 'system:kubelet-api-admin', 'system:node-bootstrapper', 'system:service-account-issuer-discovery', 'system:persistent-volume-provisioner', 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', 'system:controller:deployment-controller', 'system:controller:namespace-controller']) {
      expect(roles).toContain(n);
    }
    expect(names('ClusterRoleBinding')).toEqual(expect.arrayContaining(['cluster-admin', 'system:basic-user', 'system:controller:replicaset-controller', 'system:kube-scheduler']));
    expect(names('Role')).toEqual(expect.arrayContaining(['kube-system/extension-apiserver-authentication-reader', 'kube-public/system:controller:bootstrap-signer', 'kube-system/system::leader-locking-kube-scheduler']));
    for (const o of objs) {
      expect(o.metadata.labels?.['kubernetes.io/bootstrapping']).toBe('rbac-defaults');
      expect(o.metadata.annotations?.['rbac.authorization.kubernetes.io/autoupdate']).toBe('true');
    }
    expect(new Set(objs.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).size).toBe(objs.length);
  });

  it('aggregates view into edit into admin, keeping the aggregation rules and labels', () => {
    const get = (n: string) => objs.find((o) => o.kind === 'ClusterRole' && o.metadata.name === n)!;
    const admin = get('admin');
    expect(admin.aggregationRule).toEqual({ clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }] });
    expect(get('edit').metadata.labels).toEqual({ 'kubernetes.io/bootstrapping': 'rbac-defaults', 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' });
    const size = (n: string) => (get(n).rules as unknown[]).length;
    expect(size('view')).toBe((get('system:aggregate-to-view').rules as unknown[]).length);
    expect(size('edit')).toBe((get('system:aggregate-to-edit').rules as unknown[]).length + size('view'));
    expect(size('admin')).toBe(size('edit') + (get('system:aggregate-to-admin').rules as unknown[]).length);
  });

  it('lets every service account read the OIDC discovery documents, with and without the trailing slash', () => {
    const role = objs.find((o) => o.kind === 'ClusterRole' && o.metadata.name === 'system:service-account-issuer-discovery')!;
    expect(role.rules).toEqual([{ verbs: ['get'], nonResourceURLs: ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/'] }]);
  });

  it("lists kubeadm's own objects separately, without the bootstrap label", () => {
    const k = kubeadmRbacObjects();
    expect(k.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
      expect.arrayContaining(['ClusterRoleBinding/kubeadm:cluster-admins', 'ClusterRoleBinding/kubeadm:kubelet-bootstrap', 'ClusterRoleBinding/kubeadm:node-autoapprove-bootstrap', 'ClusterRoleBinding/kubeadm:node-autoapprove-certificate-rotation', 'ClusterRoleBinding/kubeadm:get-nodes', 'Role/kubeadm:nodes-kubeadm-config', 'Role/kubeadm:kubelet-config', 'Role/kube-proxy']),
    );
    expect(k.every((o) => o.metadata.labels === undefined)).toBe(true);
  });
});
