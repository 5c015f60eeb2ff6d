import type { AdmissionPlugin } from '../../apiserver/admission/types.ts';
import type { KObject } from '../../api/types.ts';
import { rfc3339 } from '../../base/clock.ts';
import { bootstrapRbacObjects } from '../../apiserver/bootstrap/index.ts';
import { testApiServer } from '../../apiserver/testing/harness.ts';
import { ApiClient, refOf } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { startControllerManager } from '../index.ts';
import type { ControllerManagerOptions } from '../manager.ts';

function rbacRef(obj: KObject) {
  const plural = { ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings', Role: 'roles', RoleBinding: 'rolebindings' }[obj.kind] ?? '';
  return refOf(obj.apiVersion, plural, obj.kind === 'Role' || obj.kind === 'RoleBinding');
}

/**
 * controllerTestCluster is a real apiserver with the bootstrap RBAC policy and
 * a controller manager whose controllers act as their kube-system service
 * accounts (through impersonation, since the test authenticator has no certs).
 */
export function controllerTestCluster(opts: { seed?: number; admission?: AdmissionPlugin[]; namespaces?: string[] } = {}) {
  const h = testApiServer({ seed: opts.seed ?? 3, admission: opts.admission });
  const { runtime, server } = h;
  const admin = new ApiClient(() => server, { token: 'admin' });
  for (const ns of opts.namespaces ?? ['default', 'kube-system']) admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (const obj of bootstrapRbacObjects()) admin.create(rbacRef(obj), obj.metadata.namespace, obj);
  const as = (user: string, groups: string[] = []) => admin.withHeaders({ 'impersonate-user': user, ...(groups.length ? { 'impersonate-group': groups } : {}) });
  const clientFor = (sa: string) => as(`system:serviceaccount:kube-system:${sa}`, ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated']);
  let kcm: { stop(): void } | undefined;
  return {
    ...h,
    admin,
    clientFor,
    /** start runs the controller manager (all default controllers unless controllers says otherwise). */
    start(extra: Partial<ControllerManagerOptions> = {}) {
      kcm = startControllerManager({ runtime, client: as('system:kube-controller-manager', ['system:authenticated']), clientFor, ...extra });
      runtime.settle();
      return kcm;
    },
    stop() {
      kcm?.stop();
    },
    /** settle lets every queued informer event and sync run, with 100ms for retries after conflicts. */
    settle() {
      for (let i = 0; i < 5; i++) {
        runtime.settle();
        runtime.advance(20);
      }
    },
    /** markReady plays the kubelet: the pod runs on node and reports Ready (as of now). */
    markReady(ns: string, name: string, node = 'node-1') {
      const p = admin.get(R.pods, ns, name);
      const now = rfc3339(runtime.now);
      if (!(p.spec as { nodeName?: string }).nodeName) {
        admin.create(R.pods, ns, { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: node } }, {}, 'binding', name);
      }
      const fresh = admin.get(R.pods, ns, name);
      admin.updateStatus(R.pods, {
        ...fresh,
        status: {
          phase: 'Running',
          podIP: '10.244.1.' + (2 + (runtime.rand.int(200))),
          conditions: [
            { type: 'Initialized', status: 'True', lastTransitionTime: now },
            { type: 'Ready', status: 'True', lastTransitionTime: now },
            { type: 'ContainersReady', status: 'True', lastTransitionTime: now },
            { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
          ],
        },
      });
    },
    /** kubelet plays every node's kubelet once: terminating pods go away, the others start and become Ready. */
    kubelet(ns = 'default') {
      for (const p of admin.list(R.pods, ns).items) {
        const st = p.status as { phase?: string; conditions?: { type: string; status: string }[] } | undefined;
        if (p.metadata.deletionTimestamp) admin.delete(R.pods, ns, p.metadata.name!, { gracePeriodSeconds: 0 });
        else if (st?.phase !== 'Succeeded' && st?.phase !== 'Failed' && !st?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) this.markReady(ns, p.metadata.name!);
      }
    },
    /** setPhase finishes (or fails) a pod as its kubelet would. */
    setPhase(ns: string, name: string, phase: string, extra: Record<string, unknown> = {}) {
      const fresh = admin.get(R.pods, ns, name);
      admin.updateStatus(R.pods, { ...fresh, status: { ...((fresh.status as object) ?? {}), phase, ...extra } });
    },
    pods(ns = 'default', selector?: string): KObject[] {
      return admin.list(R.pods, ns, { labelSelector: selector }).items;
    },
    events(ns = 'default'): KObject[] {
      return admin.list(R.events, ns).items;
    },
  };
}

/** eventMessages lists "reason: message" of the events about one object, in creation order. */
export function eventMessages(events: KObject[], name: string): string[] {
  return events.filter((e) => (e.involvedObject as { name?: string }).name === name).map((e) => `${e.reason}: ${e.message}`);
}
