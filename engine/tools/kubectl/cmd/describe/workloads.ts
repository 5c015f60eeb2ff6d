import type { KObject } from '../../../../api/types.ts';
import { describeContainers, describeVolumes, printTolerations } from './containers.ts';
import { describeEvents } from './events.ts';
import type { DescribeContext } from './types.ts';
import { PrefixWriter, printAnnotations, printLabels, rfc1123z } from './writer.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read loosely */
type Any = any;

/** selectorString is metav1.LabelSelectorAsSelector(s).String(). */
export function selectorString(sel: Any): string {
  if (!sel) return '<none>';
  const parts: [string, string][] = [];
  for (const k of Object.keys(sel.matchLabels ?? {})) parts.push([k, `${k}=${sel.matchLabels[k]}`]);
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    const text = e.operator === 'In' ? `${e.key} in (${vals})` : e.operator === 'NotIn' ? `${e.key} notin (${vals})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    parts.push([e.key, text]);
  }
  if (parts.length === 0) return '';
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1])
    .join(',');
}

/** describePodTemplate is DescribePodTemplate (the "Pod Template:" block of workloads). */
export function describePodTemplate(w: PrefixWriter, t: Any): void {
  w.write(0, 'Pod Template:\n');
  if (!t) {
    w.write(1, '<unset>');
    return;
  }
  const spec = t.spec ?? {};
  printLabels(w, '  Labels', t.metadata?.labels);
  if (Object.keys(t.metadata?.annotations ?? {}).length) printAnnotations(w, '  Annotations', t.metadata.annotations);
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabels(w, 'Node-Selectors', spec.nodeSelector, '  ');
  printTolerations(w, 'Tolerations', spec.tolerations, '  ');
}

const RS = { group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true };

function intOrPercent(v: Any, dflt: string): string {
  return v === undefined || v === null ? dflt : String(v);
}

/** describeDeployment is DeploymentDescriber. */
export function describeDeployment(o: KObject, d: DescribeContext): string {
  const dep = o as Any;
  const spec = dep.spec ?? {};
  const st = dep.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(0, `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? 'RollingUpdate'}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru || (spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') w.write(0, `RollingUpdateStrategy:\t${intOrPercent(ru?.maxUnavailable, '25%')} max unavailable, ${intOrPercent(ru?.maxSurge, '25%')} max surge\n`);
  describePodTemplate(w, spec.template);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  let owned: Any[] = [];
  try {
    owned = d.client.list(RS, o.metadata.namespace).items.filter((rs: Any) => (rs.metadata.ownerReferences ?? []).some((r: Any) => r.controller && r.uid === o.metadata.uid));
  } catch {
    owned = [];
  }
  if (owned.length) {
    // the new ReplicaSet is the one whose pod template is the deployment's (without pod-template-hash)
    const canon = (v: unknown): string => (Array.isArray(v) ? `[${v.map(canon).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${k}:${canon((v as Any)[k])}`).join(',')}}` : JSON.stringify(v));
    const stripHash = (t: Any) => {
      const labels = { ...(t?.metadata?.labels ?? {}) };
      delete labels['pod-template-hash'];
      return canon({ ...t, metadata: { ...(t?.metadata ?? {}), labels } });
    };
    const want = stripHash(dep.spec?.template);
    const newest = [...owned].sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp)).find((rs) => stripHash(rs.spec?.template) === want);
    const fmt = (rss: Any[]) => (rss.length ? rss.map((r) => `${r.metadata.name} (${r.status?.replicas ?? 0}/${r.spec?.replicas ?? 0} replicas created)`).join(', ') : '<none>');
    // every other owned ReplicaSet, scaled to zero or not (kubectl 1.33 lists all old ones)
    w.write(0, `OldReplicaSets:\t${fmt(owned.filter((r) => r !== newest))}\n`);
    w.write(0, `NewReplicaSet:\t${fmt(newest ? [newest] : [])}\n`);
  }
  if (d.showEvents) describeEvents(w, d.events(o, 'Deployment'), d.now);
  return w.text();
}
