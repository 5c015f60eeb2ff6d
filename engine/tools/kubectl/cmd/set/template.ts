import type { KObject } from '../../../../api/types.ts';

type Obj = Record<string, unknown>;

/**
 * podSpecPath is where an object keeps the pod spec `kubectl set` edits
 * (polymorphichelpers.UpdatePodSpecForObject): a Pod's spec, a workload's
 * spec.template.spec, a CronJob's spec.jobTemplate.spec.template.spec.
 */
export function podSpecPath(kind: string): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
    case 'ReplicationController':
      return ['spec', 'template', 'spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

/** getPodSpec returns the pod spec of obj (a copy-on-write view is not needed: callers clone first). */
export function getPodSpec(obj: KObject): Obj | undefined {
  const path = podSpecPath(obj.kind ?? '');
  if (!path) return undefined;
  let cur: unknown = obj;
  for (const k of path) cur = (cur as Obj | undefined)?.[k];
  return cur as Obj | undefined;
}

/** nestPatch wraps a pod-spec patch in the object's path to its pod spec. */
export function nestPatch(kind: string, specPatch: Obj): Obj {
  const path = podSpecPath(kind) ?? ['spec'];
  let out: Obj = specPatch;
  for (let i = path.length - 1; i >= 0; i--) out = { [path[i]!]: out };
  return out;
}
