import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';

/**
 * Typed views of the API objects the scheduler reads. Objects come from the
 * apiserver (validated and defaulted), so the views trust their shape; they
 * never mutate what the informers hold.
 */

export type { Node, Pod, Taint, Toleration };

/** asPod views a KObject as a core/v1 Pod. */
export function asPod(o: KObject): Pod {
  return o as unknown as Pod;
}

/** asNode views a KObject as a core/v1 Node. */
export function asNode(o: KObject): Node {
  return o as unknown as Node;
}

/** podKey is namespace/name. */
export function podKey(p: { metadata?: { namespace?: string; name?: string } }): string {
  return `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;
}

/** podPriority is corev1helpers.PodPriority: spec.priority, else 0. */
export function podPriority(p: Pod): number {
  return p.spec?.priority ?? 0;
}

/** LABEL_HOSTNAME is v1.LabelHostname. */
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
/** LABEL_ZONE is v1.LabelTopologyZone. */
export const LABEL_ZONE = 'topology.kubernetes.io/zone';
/** LABEL_REGION is v1.LabelTopologyRegion. */
export const LABEL_REGION = 'topology.kubernetes.io/region';
/** TAINT_NODE_UNSCHEDULABLE is v1.TaintNodeUnschedulable. */
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** toleratesTaint is Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** tolerationsTolerateTaint is v1helper.TolerationsTolerateTaint. */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  for (const t of tolerations ?? []) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** findUntoleratedTaint is v1helper.FindMatchingUntoleratedTaint: the first taint passing the filter that no toleration tolerates. */
export function findUntoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined, filter: (t: Taint) => boolean): Taint | undefined {
  for (const t of taints ?? []) {
    if (!filter(t)) continue;
    if (!tolerationsTolerateTaint(tolerations, t)) return t;
  }
  return undefined;
}

/** doNotScheduleTaint keeps NoSchedule and NoExecute taints (helper.DoNotScheduleTaintsFilterFunc). */
export function doNotScheduleTaint(t: Taint): boolean {
  return t.effect === 'NoSchedule' || t.effect === 'NoExecute';
}

/** controllerOf is metav1.GetControllerOf. */
export function controllerOf(o: { metadata?: { ownerReferences?: { controller?: boolean; apiVersion: string; kind: string; name: string; uid: string }[] } }) {
  return o.metadata?.ownerReferences?.find((r) => r.controller === true);
}
