import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { clone } from '../../base/deep.ts';
import { isAlreadyExists } from './errors.ts';
import { computeHash } from './hash.ts';
import { controllerRefOf, newControllerRef } from './owner.ts';

/** REVISION_HASH is the pod label naming the ControllerRevision a DaemonSet/StatefulSet pod was made from. */
export const REVISION_HASH = 'controller-revision-hash';

/**
 * revisionPatch is getPatch: the part of the object a revision records, the
 * pod template with "$patch": "replace", as DaemonSets and StatefulSets store it.
 */
export function revisionPatch(owner: KObject): Record<string, unknown> {
  const template = clone((owner.spec as { template?: Record<string, unknown> }).template ?? {});
  return sortedKeys({ spec: { template: { ...template, $patch: 'replace' } } }) as Record<string, unknown>;
}

/**
 * sortedKeys orders every object's keys as Go's json.Marshal of a map does:
 * getPatch re-marshals the template through a map, so the stored bytes are
 * sorted, and kubectl's rollback compares its own patch with them byte for byte.
 */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) out[k] = sortedKeys(o[k]);
  return out;
}

/** revisionsOf lists the ControllerRevisions owner controls, oldest revision first. */
export function revisionsOf(all: KObject[], owner: KObject): KObject[] {
  return all.filter((r) => controllerRefOf(r)?.uid === owner.metadata.uid).sort((a, b) => ((a.revision as number) ?? 0) - ((b.revision as number) ?? 0));
}

/**
 * currentRevision finds the ControllerRevision matching the owner's template,
 * or creates it as <owner>-<hash> with the next revision number; an existing
 * match that is not the newest gets its revision bumped (a rollback).
 */
export function ensureRevision(client: ApiClient, owner: KObject, existing: KObject[]): KObject {
  const data = revisionPatch(owner);
  const hashable = JSON.stringify(data);
  const max = Math.max(0, ...existing.map((r) => (r.revision as number) ?? 0));
  const same = existing.find((r) => JSON.stringify(r.data) === hashable);
  if (same) {
    if (((same.revision as number) ?? 0) < max) return client.update(R.controllerrevisions, { ...same, revision: max + 1 });
    return same;
  }
  const collision = (owner.status as { collisionCount?: number } | undefined)?.collisionCount;
  const hash = computeHash(data, collision);
  const labels = { ...((owner.spec as { template?: { metadata?: { labels?: Record<string, string> } } }).template?.metadata?.labels ?? {}), [REVISION_HASH]: hash };
  const rev: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name: `${owner.metadata.name}-${hash}`, namespace: owner.metadata.namespace, labels, ownerReferences: [newControllerRef(owner)] },
    data,
    revision: max + 1,
  };
  try {
    return client.create(R.controllerrevisions, owner.metadata.namespace, rev);
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    const found = client.get(R.controllerrevisions, owner.metadata.namespace, rev.metadata.name!);
    if (JSON.stringify(found.data) === hashable) return found;
    throw err;
  }
}

/** hashOf reads a revision's controller-revision-hash label. */
export function hashOf(rev: KObject): string {
  return rev.metadata.labels?.[REVISION_HASH] ?? rev.metadata.name!.slice(rev.metadata.name!.lastIndexOf('-') + 1);
}

/** truncateHistory deletes the oldest revisions not in use beyond limit (revisionHistoryLimit, default 10). */
export function truncateHistory(client: ApiClient, revs: KObject[], live: Set<string>, limit: number): void {
  const unused = revs.filter((r) => !live.has(r.metadata.name!));
  for (const r of unused.slice(0, Math.max(0, unused.length - limit))) {
    try {
      client.delete(R.controllerrevisions, r.metadata.namespace, r.metadata.name!);
    } catch {
      // Another writer removed it already.
    }
  }
}
