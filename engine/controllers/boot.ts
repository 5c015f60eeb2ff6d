import type { ComponentContext, RunningComponent } from '../cluster/boot/components.ts';
import type { ApiClient } from '../client/client.ts';
import { startControllerManager } from './index.ts';
import { startKubernetesServiceReconciler } from './kubernetesservice/reconciler.ts';
import { metricsApiSource } from '../addons/metrics-server/api-source.ts';

/**
 * startKubeControllerManager is the boot's starter: kube-controller-manager as
 * kubeadm runs it, with --use-service-account-credentials (each controller
 * acts as its kube-system service account) and the cluster CA for signing.
 */
export function startKubeControllerManager(ctx: ComponentContext): RunningComponent[] {
  const ca = ctx.cluster.pki?.cas['ca'];
  const clients = new Map<string, ApiClient>();
  const clientFor = (sa: string) => {
    let c = clients.get(sa);
    if (!c) {
      c = ctx.clientFor(`system:serviceaccount:kube-system:${sa}`, ['system:serviceaccounts', 'system:serviceaccounts:kube-system']);
      clients.set(sa, c);
    }
    return c;
  };
  const h = startControllerManager({
    runtime: ctx.runtime,
    client: ctx.clientFor('system:kube-controller-manager'),
    clientFor,
    clusterCidr: ctx.cluster.spec.podSubnet,
    serviceCidr: ctx.cluster.spec.serviceSubnet,
    caCertPem: ca?.certPem,
    ca: ca ? { cert: ca.cert, key: ca.key } : undefined,
    serviceAccountKey: ctx.cluster.pki?.serviceAccount.key,
    // The HPA reads the resource metrics API (served once metrics-server is installed).
    metrics: metricsApiSource(clientFor('horizontal-pod-autoscaler'), ctx.runtime),
  });
  // The apiserver's own bootstrap work: Service default/kubernetes and its endpoints.
  const cp = ctx.cluster.spec.machines.find((m) => m.role === 'control-plane');
  const svc = cp ? startKubernetesServiceReconciler({ runtime: ctx.runtime, client: ctx.clientFor('system:apiserver', ['system:masters']), advertiseIp: cp.ip, serviceCidr: ctx.cluster.spec.serviceSubnet }) : undefined;
  return [
    { name: 'kube-controller-manager', stop: () => h.stop() },
    ...(svc ? [{ name: 'kube-apiserver-endpoint-reconciler', stop: () => svc.stop() }] : []),
  ];
}
