import type { ApiClient, ResourceRef } from '../../client/client.ts';
import type { KObject } from '../../api/types.ts';
import { matches, type Selector } from '../../base/labels.ts';
import { controllerRefOf, newControllerRef } from './owner.ts';
import { isNotFound } from './errors.ts';

/**
 * claimObjects is controller.ControllerRefManager.Claim: of the candidates,
 * keep those the owner controls and whose labels still match, adopt matching
 * orphans (unless the owner is being deleted), and release owned objects whose
 * labels no longer match. It returns the objects the owner now controls.
 */
export function claimObjects(client: ApiClient, ref: ResourceRef, owner: KObject, selector: Selector, candidates: KObject[], canAdopt: () => boolean): KObject[] {
  const out: KObject[] = [];
  let adoptable: boolean | undefined;
  for (const o of candidates) {
    const cref = controllerRefOf(o);
    const match = matches(selector, o.metadata.labels);
    if (cref) {
      if (cref.uid !== owner.metadata.uid) continue;
      if (match) {
        out.push(o);
        continue;
      }
      // Owned but no longer selected: release, unless either side is going away.
      if (owner.metadata.deletionTimestamp || o.metadata.deletionTimestamp) continue;
      release(client, ref, owner, o);
      continue;
    }
    if (!match || owner.metadata.deletionTimestamp || o.metadata.deletionTimestamp) continue;
    adoptable ??= canAdopt();
    if (!adoptable) continue;
    const adopted = adopt(client, ref, owner, o);
    if (adopted) out.push(adopted);
  }
  return out;
}

/** adopt adds owner as o's controller, with a uid precondition so a recreated object is never taken. */
function adopt(client: ApiClient, ref: ResourceRef, owner: KObject, o: KObject): KObject | undefined {
  const refs = [...(o.metadata.ownerReferences ?? []), newControllerRef(owner)];
  try {
    return client.patch(ref, o.metadata.namespace, o.metadata.name ?? '', 'merge', { metadata: { ownerReferences: refs, uid: o.metadata.uid } });
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** release removes owner from o's owner references (the object becomes an orphan). */
function release(client: ApiClient, ref: ResourceRef, owner: KObject, o: KObject): void {
  const refs = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  try {
    client.patch(ref, o.metadata.namespace, o.metadata.name ?? '', 'merge', { metadata: { ownerReferences: refs.length ? refs : null, uid: o.metadata.uid } });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/**
 * recheckDeletion is RecheckDeletionTimestamp: before adopting, read the
 * owner fresh from the apiserver and refuse if it is gone or being deleted.
 */
export function recheckDeletion(client: ApiClient, ref: ResourceRef, owner: KObject): () => boolean {
  return () => {
    try {
      const fresh = client.get(ref, owner.metadata.namespace, owner.metadata.name ?? '');
      return fresh.metadata.uid === owner.metadata.uid && !fresh.metadata.deletionTimestamp;
    } catch {
      return false;
    }
  };
}
