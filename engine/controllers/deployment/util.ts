import type { KObject } from '../../api/types.ts';
import { rfc3339 } from '../../base/clock.ts';
import { canonicalJson } from '../base/hash.ts';

/** The annotations and label the deployment controller writes (pkg/controller/deployment/util). */
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
const SKIP_COPY = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to']);

export interface Template {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: unknown;
}
export interface DeploymentSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  template?: Template;
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
}
export interface Condition {
  type: string;
  status: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}
export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: Condition[];
  collisionCount?: number;
}
export interface RsSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector?: unknown;
  template?: Template;
}
export interface RsStatus {
  replicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
}

export const dspec = (d: KObject) => (d.spec ?? {}) as DeploymentSpec;
export const dstatus = (d: KObject) => (d.status ?? {}) as DeploymentStatus;
export const rspec = (rs: KObject) => (rs.spec ?? {}) as RsSpec;
export const rstatus = (rs: KObject) => (rs.status ?? {}) as RsStatus;
export const replicasOf = (d: KObject) => dspec(d).replicas ?? 1;
export const rsReplicas = (rs: KObject | undefined) => (rs ? (rspec(rs).replicas ?? 0) : 0);

/** scaledValue is intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** fenceposts is ResolveFenceposts: surge rounded up, unavailable down, never both zero. */
export function fenceposts(d: KObject): { surge: number; unavailable: number } {
  const ru = dspec(d).strategy?.rollingUpdate ?? {};
  const desired = replicasOf(d);
  const surge = scaledValue(ru.maxSurge ?? '25%', desired, true);
  let unavailable = scaledValue(ru.maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export const isRolling = (d: KObject) => (dspec(d).strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

/** maxSurge is deploymentutil.MaxSurge (0 for Recreate). */
export function maxSurge(d: KObject): number {
  return isRolling(d) ? fenceposts(d).surge : 0;
}

/** maxUnavailable is deploymentutil.MaxUnavailable (0 for Recreate or zero replicas, capped at replicas). */
export function maxUnavailable(d: KObject): number {
  const r = replicasOf(d);
  if (!isRolling(d) || r === 0) return 0;
  return Math.min(fenceposts(d).unavailable, r);
}

/** withoutHash drops the pod-template-hash label, for EqualIgnoreHash. */
function withoutHash(t: Template | undefined): string {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return canonicalJson({ ...t, metadata: { ...(t?.metadata ?? {}), labels } });
}

/** equalIgnoreHash is EqualIgnoreHash: two pod templates equal but for pod-template-hash. */
export function equalIgnoreHash(a: Template | undefined, b: Template | undefined): boolean {
  return withoutHash(a) === withoutHash(b);
}

/** revisionOf reads deployment.kubernetes.io/revision (0 when absent). */
export function revisionOf(o: KObject | undefined): number {
  return Number(o?.metadata.annotations?.[REVISION] ?? 0) || 0;
}

/**
 * setNewReplicaSetAnnotations is SetNewReplicaSetAnnotations: copy the
 * deployment's annotations (kubernetes.io/change-cause among them), raise the
 * revision (keeping the old ones in revision-history), and set the replica
 * annotations. It reports whether anything changed.
 */
export function setNewReplicaSetAnnotations(d: KObject, rs: KObject, newRevision: number, exists: boolean): boolean {
  const ann = { ...(rs.metadata.annotations ?? {}) };
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_COPY.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  const old = ann[REVISION];
  const oldNum = Number(old ?? 0) || 0;
  if (oldNum < newRevision) {
    ann[REVISION] = String(newRevision);
    changed = true;
    if (old && exists) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${old}` : old;
  }
  if (!exists) {
    ann[DESIRED_REPLICAS] = String(replicasOf(d));
    ann[MAX_REPLICAS] = String(replicasOf(d) + maxSurge(d));
    changed = true;
  }
  rs.metadata.annotations = ann;
  return changed;
}

/** replicasAnnotationsNeedUpdate is ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: KObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
}

/** condition finds a deployment condition by type. */
export function condition(st: DeploymentStatus, type: string): Condition | undefined {
  return st.conditions?.find((c) => c.type === type);
}

/** newCondition is NewDeploymentCondition, stamped now. */
export function newCondition(type: string, status: string, reason: string, message: string, now: number): Condition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** setCondition is SetDeploymentCondition: same status and reason is a no-op; same status keeps the transition time. */
export function setCondition(st: DeploymentStatus, c: Condition): void {
  const cur = condition(st, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  if (cur && cur.status === c.status) c.lastTransitionTime = cur.lastTransitionTime;
  st.conditions = [...(st.conditions ?? []).filter((x) => x.type !== c.type), c];
}

/** removeCondition is RemoveDeploymentCondition. */
export function removeCondition(st: DeploymentStatus, type: string): void {
  const rest = (st.conditions ?? []).filter((x) => x.type !== type);
  st.conditions = rest;
}
