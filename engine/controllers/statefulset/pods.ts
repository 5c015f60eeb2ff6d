import type { KObject } from '../../api/types.ts';
import { clone } from '../../base/deep.ts';
import { REVISION_HASH } from '../base/history.ts';
import { podFromTemplate, type PodTemplate } from '../replicaset/pod-template.ts';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** ordinalOf reads the ordinal from a pod name <sts>-<n> (undefined for a foreign name). */
export function ordinalOf(sts: string, pod: string): number | undefined {
  const m = new RegExp(`^${sts.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(pod);
  return m ? Number(m[1]) : undefined;
}

interface ClaimTemplate {
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

/** claimName is getPersistentVolumeClaimName: <template>-<statefulset>-<ordinal>. */
export function claimName(tpl: string, sts: string, ord: number): string {
  return `${tpl}-${sts}-${ord}`;
}

/** claimsFor builds the PVCs of one ordinal from volumeClaimTemplates (labels: the template's plus the selector's). */
export function claimsFor(sts: KObject, ord: number): KObject[] {
  const spec = sts.spec as { volumeClaimTemplates?: ClaimTemplate[]; selector?: { matchLabels?: Record<string, string> } };
  return (spec.volumeClaimTemplates ?? []).map((t) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: claimName(t.metadata?.name ?? '', sts.metadata.name!, ord),
      namespace: sts.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}), ...(spec.selector?.matchLabels ?? {}) },
      ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
    },
    spec: clone(t.spec ?? {}),
  }));
}

/**
 * statefulPod is newVersionedStatefulSetPod: pod <sts>-<n> from the
 * revision's template with its identity (hostname, subdomain), labels and
 * the claims of its volumeClaimTemplates mounted as volumes.
 */
export function statefulPod(sts: KObject, template: PodTemplate, hash: string, ord: number): KObject {
  const name = `${sts.metadata.name}-${ord}`;
  const pod = podFromTemplate(template, sts, { name, labels: { [REVISION_HASH]: hash, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ord) } });
  const spec = pod.spec as { hostname?: string; subdomain?: string; volumes?: { name: string }[] };
  spec.hostname = name;
  const svc = (sts.spec as { serviceName?: string }).serviceName;
  if (svc) spec.subdomain = svc;
  const tpls = ((sts.spec as { volumeClaimTemplates?: ClaimTemplate[] }).volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? '');
  if (tpls.length) {
    const vols = (spec.volumes ?? []).filter((v) => !tpls.includes(v.name));
    for (const t of tpls) vols.push({ name: t, persistentVolumeClaim: { claimName: claimName(t, sts.metadata.name!, ord) } } as { name: string });
    spec.volumes = vols;
  }
  return pod;
}
