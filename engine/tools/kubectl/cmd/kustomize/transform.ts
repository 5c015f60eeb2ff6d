import type { KObject } from '../../../../api/types.ts';

type Obj = Record<string, unknown>;

/** CLUSTER_SCOPED kinds keep no namespace under a kustomization's namespace field. */
export const CLUSTER_SCOPED = new Set([
  'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'Node',
  'IngressClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'CSIDriver', 'RuntimeClass', 'APIService',
]);

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'ReplicationController']);

/** podSpecs returns the pod specs inside obj (a workload's template, a CronJob's, a Pod's own). */
export function podSpecs(obj: KObject): Obj[] {
  const spec = (obj.spec ?? {}) as Obj;
  if (obj.kind === 'Pod') return [spec];
  if (WORKLOADS.has(obj.kind ?? '')) return [((spec.template as Obj | undefined)?.spec as Obj | undefined) ?? {}];
  if (obj.kind === 'CronJob') return [((((spec.jobTemplate as Obj | undefined)?.spec as Obj | undefined)?.template as Obj | undefined)?.spec as Obj | undefined) ?? {}];
  return [];
}

/** addLabels is commonLabels / labels: metadata, selectors and templates. */
export function addLabels(obj: KObject, labels: Record<string, string>, selectors: boolean, templates: boolean): void {
  obj.metadata.labels = { ...(obj.metadata.labels ?? {}), ...labels };
  const spec = obj.spec as Obj | undefined;
  if (!spec) return;
  if (obj.kind === 'Service' && selectors) spec.selector = { ...((spec.selector as Obj | undefined) ?? {}), ...labels };
  if (WORKLOADS.has(obj.kind ?? '') || obj.kind === 'CronJob') {
    if (selectors && obj.kind !== 'CronJob' && obj.kind !== 'Job') {
      const sel = (spec.selector ?? {}) as Obj;
      if (obj.kind === 'ReplicationController') spec.selector = { ...sel, ...labels };
      else spec.selector = { ...sel, matchLabels: { ...((sel.matchLabels as Obj | undefined) ?? {}), ...labels } };
    }
    if (selectors || templates) {
      const tmpl = obj.kind === 'CronJob' ? (((spec.jobTemplate as Obj | undefined)?.spec as Obj | undefined)?.template as Obj | undefined) : (spec.template as Obj | undefined);
      if (tmpl) {
        const meta = (tmpl.metadata ?? {}) as Obj;
        tmpl.metadata = { ...meta, labels: { ...((meta.labels as Obj | undefined) ?? {}), ...labels } };
      }
    }
  }
  if (obj.kind === 'PodDisruptionBudget' && selectors) {
    const sel = (spec.selector ?? {}) as Obj;
    spec.selector = { ...sel, matchLabels: { ...((sel.matchLabels as Obj | undefined) ?? {}), ...labels } };
  }
}

/** setImages is the images transformer: name match, then newName/newTag/digest. */
export function setImages(obj: KObject, images: { name: string; newName?: string; newTag?: string; digest?: string }[]): void {
  for (const spec of podSpecs(obj)) {
    for (const field of ['containers', 'initContainers']) {
      for (const ct of (spec[field] as Obj[] | undefined) ?? []) {
        const image = String(ct.image ?? '');
        const at = image.indexOf('@');
        const base0 = at >= 0 ? image.slice(0, at) : image;
        const colon = base0.lastIndexOf(':');
        const hasTag = colon > base0.lastIndexOf('/');
        const name = hasTag ? base0.slice(0, colon) : base0;
        const tag = hasTag ? base0.slice(colon) : '';
        const digest = at >= 0 ? image.slice(at) : '';
        const rule = images.find((r) => r.name === name);
        if (!rule) continue;
        const n = rule.newName ?? name;
        if (rule.digest) ct.image = `${n}@${rule.digest}`;
        else if (rule.newTag !== undefined) ct.image = `${n}:${rule.newTag}`;
        else ct.image = `${n}${tag}${digest}`;
      }
    }
  }
}

/** renameRefs points pod specs at renamed configmaps and secrets (name prefixes, hash suffixes). */
export function renameRefs(obj: KObject, configMaps: Map<string, string>, secrets: Map<string, string>): void {
  const cm = (n: unknown) => (typeof n === 'string' && configMaps.has(n) ? configMaps.get(n) : n);
  const sec = (n: unknown) => (typeof n === 'string' && secrets.has(n) ? secrets.get(n) : n);
  for (const spec of podSpecs(obj)) {
    for (const v of (spec.volumes as Obj[] | undefined) ?? []) {
      if (v.configMap) (v.configMap as Obj).name = cm((v.configMap as Obj).name);
      if (v.secret) (v.secret as Obj).secretName = sec((v.secret as Obj).secretName);
      for (const src of (((v.projected as Obj | undefined)?.sources as Obj[] | undefined) ?? [])) {
        if (src.configMap) (src.configMap as Obj).name = cm((src.configMap as Obj).name);
        if (src.secret) (src.secret as Obj).name = sec((src.secret as Obj).name);
      }
    }
    for (const p of (spec.imagePullSecrets as Obj[] | undefined) ?? []) p.name = sec(p.name);
    for (const field of ['containers', 'initContainers']) {
      for (const ct of (spec[field] as Obj[] | undefined) ?? []) {
        for (const e of (ct.envFrom as Obj[] | undefined) ?? []) {
          if (e.configMapRef) (e.configMapRef as Obj).name = cm((e.configMapRef as Obj).name);
          if (e.secretRef) (e.secretRef as Obj).name = sec((e.secretRef as Obj).name);
        }
        for (const e of (ct.env as Obj[] | undefined) ?? []) {
          const vf = e.valueFrom as Obj | undefined;
          if (vf?.configMapKeyRef) (vf.configMapKeyRef as Obj).name = cm((vf.configMapKeyRef as Obj).name);
          if (vf?.secretKeyRef) (vf.secretKeyRef as Obj).name = sec((vf.secretKeyRef as Obj).name);
        }
      }
    }
  }
}

const FIRST = ['Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget'];
const LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

/** legacyOrder is kustomize's legacy output order: kinds first/last, then by group, version, kind, namespace, name. */
export function legacyOrder(objs: KObject[]): KObject[] {
  const rank = (k: string) => (FIRST.includes(k) ? FIRST.indexOf(k) - FIRST.length : LAST.includes(k) ? 1 + LAST.indexOf(k) : 0);
  const gvk = (o: KObject) => `${o.apiVersion}/${o.kind}`;
  return [...objs].sort((a, b) => {
    const r = rank(a.kind ?? '') - rank(b.kind ?? '');
    if (r) return r;
    if (rank(a.kind ?? '') === 0 && gvk(a) !== gvk(b)) return gvk(a) < gvk(b) ? -1 : 1;
    const ia = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
    const ib = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
}

/** addAnnotations is commonAnnotations: metadata and pod templates. */
export function addAnnotations(obj: KObject, ann: Record<string, string>): void {
  obj.metadata = { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), ...ann } };
  const spec = obj.spec as Obj | undefined;
  if (!spec) return;
  const tmpl = obj.kind === 'CronJob' ? (((spec.jobTemplate as Obj | undefined)?.spec as Obj | undefined)?.template as Obj | undefined) : WORKLOADS.has(obj.kind ?? '') ? (spec.template as Obj | undefined) : undefined;
  if (tmpl) {
    const meta = (tmpl.metadata ?? {}) as Obj;
    tmpl.metadata = { ...meta, annotations: { ...((meta.annotations as Obj | undefined) ?? {}), ...ann } };
  }
}
