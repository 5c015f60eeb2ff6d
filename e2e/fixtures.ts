import type { ClusterDiff, ClusterObject } from '../engine/protocol/api.ts';

let seq = 0;
const uid = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

function obj(kind: string, apiVersion: string, name: string, namespace: string | undefined, body: Record<string, unknown>, labels: Record<string, string> = {}, owner?: ClusterObject): ClusterObject {
  const id = uid();
  const metadata: Record<string, unknown> = { name, uid: id, labels, ...(namespace ? { namespace } : {}) };
  if (owner) metadata.ownerReferences = [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, controller: true }];
  return { kind, apiVersion, name, namespace, uid: id, object: { apiVersion, kind, metadata, ...body } };
}

const ready = { conditions: [{ type: 'Ready', status: 'True' }] };
const running = { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, state: { running: {} } }] };

/**
 * bigCluster builds a first cluster diff of about `target` graph elements:
 * three nodes, deployments with their replica sets and pods spread over the
 * workers, and a service per deployment (a load for the topology view).
 */
export function bigCluster(target = 1000): ClusterDiff {
  const added: ClusterObject[] = ['controlplane', 'node01', 'node02'].map((n) => obj('Node', 'v1', n, undefined, { status: ready }));
  let elements = 3;
  for (let d = 0; elements < target; d++) {
    const ns = `team-${d % 5}`;
    const dep = obj('Deployment', 'apps/v1', `app-${d}`, ns, { spec: { replicas: 8 }, status: { readyReplicas: 8 } });
    const rs = obj('ReplicaSet', 'apps/v1', `app-${d}-6c9f8d7b5`, ns, { spec: { replicas: 8 } }, {}, dep);
    const svc = obj('Service', 'v1', `app-${d}`, ns, { spec: { selector: { app: `app-${d}` } } });
    added.push(dep, rs, svc);
    elements += 4; // three objects and the owner edge
    for (let p = 0; p < 8; p++) {
      const pod = obj('Pod', 'v1', `app-${d}-6c9f8d7b5-${String(p).padStart(5, 'x')}`, ns, { spec: { nodeName: p % 2 ? 'node01' : 'node02' }, status: running }, { app: `app-${d}` }, rs);
      added.push(pod);
      elements += 3; // pod, owner edge, service edge
    }
  }
  return { added, updated: [], removed: [], revision: 1 };
}

/** hostile is a diff whose names and labels are markup: they must show as text. */
export function hostile(payload: string): ClusterDiff {
  const node = obj('Node', 'v1', 'node01', undefined, { status: ready });
  const ns = obj('Namespace', 'v1', payload, undefined, {});
  const pod = obj('Pod', 'v1', 'evil', 'default', { spec: { nodeName: 'node01' }, status: running }, { note: payload });
  return { added: [node, ns, pod], updated: [], removed: [], revision: 2 };
}
