import type { KObject } from '../../../../api/types.ts';
import { describeEvents } from './events.ts';
import type { DescribeContext } from './types.ts';
import { selectorString } from './workloads.ts';
import { PrefixWriter, printAnnotations, printLabels, rfc1123z } from './writer.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read loosely */
type Any = any;

function metricLine(w: PrefixWriter, m: Any, cur: Any): void {
  if (m.type === 'Resource' && m.resource) {
    const t = m.resource.target ?? {};
    if (t.averageValue !== undefined) {
      w.write(1, `resource ${m.resource.name} on pods:\t${cur?.resource?.current?.averageValue ?? '<unknown>'} / ${t.averageValue}\n`);
    } else {
      const c = cur?.resource?.current;
      const current = c?.averageUtilization !== undefined ? `${c.averageUtilization}% (${c.averageValue ?? '0'})` : '<unknown>';
      w.write(1, `resource ${m.resource.name} on pods  (as a percentage of request):\t${current} / ${t.averageUtilization !== undefined ? `${t.averageUtilization}%` : '<auto>'}\n`);
    }
  } else if (m.type === 'Pods' && m.pods) {
    w.write(1, `"${m.pods.metric?.name}" on pods:\t${cur?.pods?.current?.averageValue ?? '<unknown>'} / ${m.pods.target?.averageValue ?? ''}\n`);
  } else if (m.type === 'Object' && m.object) {
    const o = m.object;
    w.write(1, `"${o.metric?.name}" on ${o.describedObject?.kind}/${o.describedObject?.name}:\t${cur?.object?.current?.value ?? '<unknown>'} / ${o.target?.value ?? o.target?.averageValue ?? ''}\n`);
  } else if (m.type === 'External' && m.external) {
    w.write(1, `"${m.external.metric?.name}" (target value):\t${cur?.external?.current?.value ?? '<unknown>'} / ${m.external.target?.value ?? m.external.target?.averageValue ?? ''}\n`);
  } else if (m.type === 'ContainerResource' && m.containerResource) {
    const cr = m.containerResource;
    w.write(1, `resource ${cr.name} of container "${cr.container}" on pods  (as a percentage of request):\t<unknown> / ${cr.target?.averageUtilization ?? ''}%\n`);
  } else w.write(1, `<unknown metric type ${m.type}>\n`);
}

/** describeHpa is HorizontalPodAutoscalerDescriber (autoscaling/v2). */
export function describeHpa(o: KObject, d: DescribeContext): string {
  const hpa = o as Any;
  const spec = hpa.spec ?? {};
  const st = hpa.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  w.write(0, `Reference:\t${spec.scaleTargetRef?.kind}/${spec.scaleTargetRef?.name}\n`);
  w.write(0, 'Metrics:\t( current / target )\n');
  (spec.metrics ?? []).forEach((m: Any, i: number) => metricLine(w, m, st.currentMetrics?.[i]));
  w.write(0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
  w.write(0, `Max replicas:\t${spec.maxReplicas}\n`);
  w.write(0, `${spec.scaleTargetRef?.kind} pods:\t`);
  w.write(0, `${st.currentReplicas ?? 0} current / ${st.desiredReplicas ?? 0} desired\n`);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of st.conditions) w.write(1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  if (d.showEvents) describeEvents(w, d.events(o, 'HorizontalPodAutoscaler'), d.now);
  return w.text();
}

/** describePdb is PodDisruptionBudgetDescriber. */
export function describePdb(o: KObject, d: DescribeContext): string {
  const pdb = o as Any;
  const spec = pdb.spec ?? {};
  const st = pdb.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  if (spec.minAvailable !== undefined) w.write(0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined) w.write(0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(0, `Selector:\t${spec.selector ? selectorString(spec.selector) || '<none>' : '<unset>'}\n`);
  if (spec.unhealthyPodEvictionPolicy) w.write(0, `UnhealthyPodEvictionPolicy:\t${spec.unhealthyPodEvictionPolicy}\n`);
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${st.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${st.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${st.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${st.expectedPods ?? 0}\n`);
  if (d.showEvents) describeEvents(w, d.events(o, 'PodDisruptionBudget'), d.now);
  return w.text();
}

/** quotaRows writes a quota's status.hard resources with their use. */
export function quotaRows(w: PrefixWriter, level: number, q: Any, dashes: string): void {
  w.write(level, 'Resource\tUsed\tHard\n');
  w.write(level, dashes);
  const hard = q.status?.hard ?? {};
  for (const k of Object.keys(hard).sort()) w.write(level, `${k}\t${q.status?.used?.[k] ?? '0'}\t${hard[k]}\n`);
}

/** describeResourceQuota is ResourceQuotaDescriber. */
export function describeResourceQuota(o: KObject): string {
  const q = o as Any;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  if (q.spec?.scopes?.length) {
    w.write(0, 'Scopes:\t' + q.spec.scopes.join(', ') + '\n');
  }
  quotaRows(w, 0, q, '--------\t----\t----\n');
  return w.text();
}

/** limitRangeRows is describeLimitRangeSpec: one row per limit type and resource. */
export function limitRangeRows(w: PrefixWriter, l: Any, prefix: string): void {
  for (const item of l.spec?.limits ?? []) {
    const names = new Set<string>();
    for (const m of [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio]) for (const k of Object.keys(m ?? {})) names.add(k);
    for (const r of [...names].sort()) {
      const v = (m: Any) => m?.[r] ?? '-';
      w.write(0, `${prefix}${item.type}\t${r}\t${v(item.min)}\t${v(item.max)}\t${v(item.defaultRequest)}\t${v(item.default)}\t${v(item.maxLimitRequestRatio)}\n`);
    }
  }
}

/** describeLimitRange is LimitRangeDescriber. */
export function describeLimitRange(o: KObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  limitRangeRows(w, o, '');
  return w.text();
}
