import type { KObject } from '../../../../api/types.ts';
import { formatLabels } from '../../printers/table.ts';
import { describeEvents } from './events.ts';
import type { DescribeContext } from './types.ts';
import { describePodTemplate, selectorString } from './workloads.ts';
import { PrefixWriter, humanDuration, printAnnotations, printLabels, rfc1123z } from './writer.ts';
import { listItemsInChunks } from '../../resource/chunks.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read loosely */
type Any = any;

const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };

/** podStatusCounts is getPodStatusForController: the controller's pods by phase. */
function podStatusCounts(d: DescribeContext, o: KObject, selector: string): string {
  let pods: Any[] = [];
  try {
    pods = listItemsInChunks(d.client, PODS, o.metadata.namespace, selector ? { labelSelector: selector } : {}, d.chunkSize).filter((p: Any) => (p.metadata.ownerReferences ?? []).some((r: Any) => r.controller && r.uid === o.metadata.uid));
  } catch {
    pods = [];
  }
  const n = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  return `${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed`;
}

function controlledBy(o: KObject): string | undefined {
  const r = (o.metadata.ownerReferences ?? []).find((x) => x.controller);
  return r ? `${r.kind}/${r.name}` : undefined;
}

/** describeReplicaSet is ReplicaSetDescriber. */
export function describeReplicaSet(o: KObject, d: DescribeContext): string {
  const rs = o as Any;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  const sel = selectorString(rs.spec?.selector) || '<none>';
  w.write(0, `Selector:\t${sel}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  const cb = controlledBy(o);
  if (cb) w.write(0, `Controlled By:\t${cb}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podStatusCounts(d, o, sel === '<none>' ? '' : sel)}\n`);
  describePodTemplate(w, rs.spec?.template);
  if (rs.status?.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of rs.status.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  if (d.showEvents) describeEvents(w, d.events(o, 'ReplicaSet'), d.now);
  return w.text();
}

/** describeDaemonSet is DaemonSetDescriber. */
export function describeDaemonSet(o: KObject, d: DescribeContext): string {
  const ds = o as Any;
  const st = ds.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  const sel = selectorString(ds.spec?.selector) || '<none>';
  w.write(0, `Selector:\t${sel}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podStatusCounts(d, o, sel === '<none>' ? '' : sel)}\n`);
  describePodTemplate(w, ds.spec?.template);
  if (d.showEvents) describeEvents(w, d.events(o, 'DaemonSet'), d.now);
  return w.text();
}

/** describeStatefulSet is StatefulSetDescriber. */
export function describeStatefulSet(o: KObject, d: DescribeContext): string {
  const ss = o as Any;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  const sel = selectorString(ss.spec?.selector) || '<none>';
  w.write(0, `Selector:\t${sel}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Replicas:\t${ss.spec?.replicas ?? 1} desired | ${ss.status?.replicas ?? 0} total\n`);
  const us = ss.spec?.updateStrategy ?? {};
  w.write(0, `Update Strategy:\t${us.type ?? 'RollingUpdate'}\n`);
  if (us.rollingUpdate) {
    if (us.rollingUpdate.partition !== undefined) w.write(1, `Partition:\t${us.rollingUpdate.partition}\n`);
    if (us.rollingUpdate.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${us.rollingUpdate.maxUnavailable}\n`);
  }
  w.write(0, `Pods Status:\t${podStatusCounts(d, o, sel === '<none>' ? '' : sel)}\n`);
  describePodTemplate(w, ss.spec?.template);
  const vcts: Any[] = ss.spec?.volumeClaimTemplates ?? [];
  if (vcts.length === 0) w.write(0, 'Volume Claims:\t<none>\n');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const v of vcts) {
      w.write(1, `Name:\t${v.metadata?.name ?? ''}\n`);
      w.write(1, `StorageClass:\t${v.spec?.storageClassName ?? ''}\n`);
      printLabels(w, '  Labels', v.metadata?.labels);
      printAnnotations(w, '  Annotations', v.metadata?.annotations);
      w.write(1, `Capacity:\t${v.spec?.resources?.requests?.storage ?? ''}\n`);
      w.write(1, `Access Modes:\t${(v.spec?.accessModes ?? []).join(' ')}\n`);
    }
  }
  if (d.showEvents) describeEvents(w, d.events(o, 'StatefulSet'), d.now);
  return w.text();
}

/** describeJob is JobDescriber. */
export function describeJob(o: KObject, d: DescribeContext): string {
  const job = o as Any;
  const spec = job.spec ?? {};
  const st = job.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  const cb = controlledBy(o);
  if (cb) w.write(0, `Controlled By:\t${cb}\n`);
  w.write(0, `Parallelism:\t${spec.parallelism ?? 1}\n`);
  w.write(0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  if (spec.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) w.write(0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  if (st.ready === undefined) w.write(0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  else w.write(0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  if (spec.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${st.completedIndexes || '<none>'}\n`);
  describePodTemplate(w, spec.template);
  if (d.showEvents) describeEvents(w, d.events(o, 'Job'), d.now);
  return w.text();
}

/** describeCronJob is CronJobDescriber. */
export function describeCronJob(o: KObject, d: DescribeContext): string {
  const cj = o as Any;
  const spec = cj.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Schedule:\t${spec.schedule ?? ''}\n`);
  if (spec.timeZone) w.write(0, `Time Zone:\t${spec.timeZone}\n`);
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
  w.write(0, `Suspend:\t${spec.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`);
  w.write(0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds === undefined ? '<unset>' : `${spec.startingDeadlineSeconds}s`}\n`);
  const jt = spec.jobTemplate?.spec ?? {};
  w.write(0, `Selector:\t${jt.selector ? selectorString(jt.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${jt.parallelism ?? '<unset>'}\n`);
  w.write(0, `Completions:\t${jt.completions ?? '<unset>'}\n`);
  if (jt.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, jt.template);
  w.write(0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
  const active: Any[] = cj.status?.active ?? [];
  w.write(0, `Active Jobs:\t${active.length ? active.map((a) => a.name).join(', ') : '<none>'}\n`);
  if (d.showEvents) describeEvents(w, d.events(o, 'CronJob'), d.now);
  return w.text();
}
