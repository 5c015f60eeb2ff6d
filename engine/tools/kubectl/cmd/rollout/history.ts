import type { KObject } from '../../../../api/types.ts';
import type { RunContext } from '../../cli/command.ts';
import type { ApiResource } from '../../discovery.ts';

/**
 * The revision history of a Deployment: its ReplicaSets (owned by it, with
 * the deployment.kubernetes.io/revision annotation), oldest revision first.
 */

export const REVISION = 'deployment.kubernetes.io/revision';
export { CHANGE_CAUSE } from '../../cli/record.ts';

/** Revision is one ReplicaSet of a deployment's history. */
export interface Revision {
  revision: number;
  rs: KObject;
}

/** ownedBy tells whether obj has a controller owner reference to owner. */
export function ownedBy(obj: KObject, owner: KObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.controller);
}

/** historyOf lists the deployment's ReplicaSets by revision. */
export function historyOf(c: RunContext, deploy: KObject): Revision[] {
  const rsRes: ApiResource = c.f.discovery().resolve('replicasets.apps');
  const list = c.f.client().list(rsRes, deploy.metadata.namespace);
  const out: Revision[] = [];
  for (const rs of list.items) {
    if (!ownedBy(rs, deploy)) continue;
    const rev = Number(rs.metadata.annotations?.[REVISION] ?? '0');
    out.push({ revision: rev, rs });
  }
  return out.sort((a, b) => a.revision - b.revision);
}
