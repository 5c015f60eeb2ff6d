import type { KObject } from '../../../../api/types.ts';

/** Status is what a drain filter decides for one pod. */
export interface Status {
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message?: string;
}

/** DrainOptions are the drain flags the filters read. */
export interface FilterOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
  now: number;
  /** daemonSetExists tells whether a pod's DaemonSet still exists (an error message when it cannot be read). */
  daemonSetExists(namespace: string, name: string): true | { notFound: boolean; message: string };
}

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

const OKAY: Status = { delete: true, reason: 'Okay' };

function finished(pod: KObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function controllerOf(pod: KObject): { kind: string; name: string } | undefined {
  return (pod.metadata.ownerReferences ?? []).find((r) => r.controller) as { kind: string; name: string } | undefined;
}

/** shouldSkip is true for a pod deleted more than skipSeconds ago (--skip-wait-for-delete-timeout). */
export function shouldSkip(pod: KObject, skipSeconds: number, now: number): boolean {
  const ts = pod.metadata.deletionTimestamp;
  return skipSeconds > 0 && !!ts && now - Date.parse(ts) > skipSeconds * 1000;
}

type Filter = (pod: KObject, o: FilterOptions) => Status;

const FILTERS: Filter[] = [
  (pod, o) => (shouldSkip(pod, o.skipWaitForDeleteTimeoutSeconds, o.now) ? { delete: false, reason: 'Skip' } : OKAY),
  (pod, o) => {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'DaemonSet') return OKAY;
    if (finished(pod)) return OKAY;
    const exists = o.daemonSetExists(pod.metadata.namespace ?? '', ref.name);
    if (exists !== true) {
      if (exists.notFound && o.force) return { delete: true, reason: 'Warning', message: exists.message };
      return { delete: false, reason: 'Error', message: exists.message };
    }
    if (!o.ignoreDaemonSets) return { delete: false, reason: 'Error', message: DAEMONSET_FATAL };
    return { delete: false, reason: 'Warning', message: DAEMONSET_WARNING };
  },
  (pod) => (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, reason: 'Skip' } : OKAY),
  (pod, o) => {
    const vols = ((pod.spec as { volumes?: { emptyDir?: unknown }[] } | undefined)?.volumes ?? []);
    if (!vols.some((v) => v.emptyDir !== undefined)) return OKAY;
    if (finished(pod)) return OKAY;
    if (!o.deleteEmptyDirData) return { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
    return { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING };
  },
  (pod, o) => {
    if (controllerOf(pod)) return OKAY;
    if (finished(pod)) return OKAY;
    if (o.force) return { delete: true, reason: 'Warning', message: UNMANAGED_WARNING };
    return { delete: false, reason: 'Error', message: UNMANAGED_FATAL };
  },
];

/** PodDelete pairs a pod with the decision of the last filter that ran on it (as kubectl keeps it). */
export interface PodDelete {
  pod: KObject;
  status: Status;
}

/** filterPods runs the drain filters over a node's pods, stopping at the first that keeps a pod. */
export function filterPods(pods: KObject[], o: FilterOptions): PodDelete[] {
  return pods.map((pod) => {
    let status = OKAY;
    for (const f of FILTERS) {
      status = f(pod, o);
      if (!status.delete) break;
    }
    return { pod, status };
  });
}

function grouped(items: PodDelete[], reason: Status['reason']): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const i of items) {
    if (i.status.reason !== reason || (reason === 'Error' && i.status.delete)) continue;
    const key = i.status.message ?? '';
    by.set(key, [...(by.get(key) ?? []), `${i.pod.metadata.namespace}/${i.pod.metadata.name}`]);
  }
  return [...by.entries()];
}

/** deleteErrors are the "cannot delete …" errors that stop a drain. */
export function deleteErrors(items: PodDelete[]): string[] {
  return grouped(items, 'Error').map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`);
}

/** warnings is the "Warning: …" line kubectl prints before evicting. */
export function warnings(items: PodDelete[]): string {
  return grouped(items, 'Warning').map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ');
}

/** podsToDelete are the pods a drain evicts or deletes. */
export function podsToDelete(items: PodDelete[]): KObject[] {
  return items.filter((i) => i.status.delete).map((i) => i.pod);
}
