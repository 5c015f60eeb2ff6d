import type { Runtime } from '../base/runtime.ts';
import type { KObject } from '../api/types.ts';
import type { ApiClient } from '../client/client.ts';
import { SharedInformerFactory } from '../client/informer-factory.ts';
import { R } from '../client/refs.ts';
import type { ClusterDiff, ClusterObject } from '../protocol/api.ts';

/** FEED_KINDS are the resources the topology graph and inspector show. */
const FEED_KINDS = [
  R.nodes, R.namespaces, R.pods, R.services, R.endpointslices, R.deployments, R.replicasets, R.statefulsets, R.daemonsets,
  R.jobs, R.cronjobs, R.ingresses, R.networkpolicies, R.persistentvolumeclaims, R.persistentvolumes,
];

function toClusterObject(o: KObject): ClusterObject {
  return { kind: o.kind, apiVersion: o.apiVersion, namespace: o.metadata.namespace, name: o.metadata.name ?? '', uid: o.metadata.uid ?? '', object: o as unknown as Record<string, unknown> };
}

/**
 * ClusterFeed watches a cluster through informers and hands the UI batched
 * diffs: everything that changed within one flush interval of simulated
 * time, squashed per object (an object added then updated is one "added").
 */
export class ClusterFeed {
  private factory: SharedInformerFactory;
  private added = new Map<string, ClusterObject>();
  private updated = new Map<string, ClusterObject>();
  private removed = new Map<string, ClusterDiff['removed'][number]>();
  /** known is every object the feed has shown, so a switch to another cluster can take them off the graph. */
  private known = new Map<string, ClusterDiff['removed'][number]>();
  private scheduled = false;

  constructor(
    client: ApiClient,
    private readonly runtime: Runtime,
    private readonly send: (d: ClusterDiff) => void,
    private readonly revision: () => number,
    private readonly flushMs = 100,
  ) {
    this.factory = new SharedInformerFactory(client, runtime);
    for (const ref of FEED_KINDS) {
      this.factory.informer(ref).on({
        add: (o) => this.note('add', o),
        update: (_old, o) => this.note('update', o),
        delete: (o) => this.note('delete', o),
      });
    }
  }

  start(): void {
    this.factory.start();
  }

  stop(): void {
    this.factory.stop();
  }

  /** retire stops the feed and answers the diff that takes everything it showed off the graph. */
  retire(): ClusterDiff {
    this.stop();
    const removed = [...this.known.values()];
    this.known.clear();
    this.added.clear();
    this.updated.clear();
    this.removed.clear();
    return { added: [], updated: [], removed, revision: this.revision() };
  }

  private note(kind: 'add' | 'update' | 'delete', o: KObject): void {
    const uid = o.metadata.uid ?? `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
    if (kind === 'delete') this.known.delete(uid);
    else this.known.set(uid, { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '', uid });
    if (kind === 'add') {
      this.removed.delete(uid);
      this.added.set(uid, toClusterObject(o));
    } else if (kind === 'update') {
      if (this.added.has(uid)) this.added.set(uid, toClusterObject(o));
      else this.updated.set(uid, toClusterObject(o));
    } else {
      const wasNew = this.added.delete(uid);
      this.updated.delete(uid);
      if (!wasNew) this.removed.set(uid, { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '', uid });
    }
    if (!this.scheduled) {
      this.scheduled = true;
      this.runtime.after(this.flushMs, () => this.flush(), 'cluster-feed');
    }
  }

  private flush(): void {
    this.scheduled = false;
    if (!this.added.size && !this.updated.size && !this.removed.size) return;
    const diff: ClusterDiff = { added: [...this.added.values()], updated: [...this.updated.values()], removed: [...this.removed.values()], revision: this.revision() };
    this.added.clear();
    this.updated.clear();
    this.removed.clear();
    this.send(diff);
  }
}
