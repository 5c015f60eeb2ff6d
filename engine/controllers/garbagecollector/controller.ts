import type { KObject, OwnerReference } from '../../api/types.ts';
import type { Informer } from '../../client/informer.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isConflict, isNotFound } from '../base/errors.ts';
import { keyOf, WorkQueue } from '../base/workqueue.ts';
import { GC_RESOURCES, resourceForOwner } from './resources.ts';

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';

interface Node {
  res: number;
  key: string;
}

/**
 * startGarbageCollector runs pkg/controller/garbagecollector: objects whose
 * owners are all gone are deleted (background), owners deleted in the
 * foreground wait for their blocking dependents, and owners deleted with
 * the orphan policy first strip themselves from their dependents.
 */
export function startGarbageCollector(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const informers: Informer[] = GC_RESOURCES.map((r) => ctx.informers.informer(r.ref));
  /** dependents maps an owner uid to the dependents that name it. */
  const dependents = new Map<string, Map<string, Node>>();
  const byUid = new Map<string, Node>();
  const queue = new WorkQueue(runtime, 'garbage_collector', sync);
  const nodeId = (n: Node) => `${n.res}|${n.key}`;

  const index = (n: Node, o: KObject | undefined, old: KObject | undefined) => {
    for (const r of old?.metadata.ownerReferences ?? []) dependents.get(r.uid)?.delete(nodeId(n));
    if (old?.metadata.uid) byUid.delete(old.metadata.uid);
    if (!o) return;
    if (o.metadata.uid) byUid.set(o.metadata.uid, n);
    for (const r of o.metadata.ownerReferences ?? []) {
      let m = dependents.get(r.uid);
      if (!m) dependents.set(r.uid, (m = new Map()));
      m.set(nodeId(n), n);
    }
  };
  const dependentsOf = (uid: string | undefined) => [...(uid ? (dependents.get(uid)?.values() ?? []) : [])];
  const objOf = (n: Node) => {
    const [ns, name] = n.key.includes('/') ? [n.key.slice(0, n.key.indexOf('/')), n.key.slice(n.key.indexOf('/') + 1)] : [undefined, n.key];
    return informers[n.res]!.get(ns, name);
  };

  GC_RESOURCES.forEach((_r, res) => {
    const observe = (o: KObject, old?: KObject) => {
      const n = { res, key: keyOf(o) };
      index(n, o, old);
      const f = o.metadata.finalizers ?? [];
      if (o.metadata.deletionTimestamp && (f.includes(FOREGROUND) || f.includes(ORPHAN))) {
        queue.add(`owner|${nodeId(n)}`);
        if (f.includes(FOREGROUND)) for (const d of dependentsOf(o.metadata.uid)) queue.add(`del|${nodeId(d)}`);
      }
      // An object whose owner the graph has never seen may be an orphan: verify.
      if ((o.metadata.ownerReferences ?? []).some((r) => !byUid.has(r.uid))) queue.add(`del|${nodeId(n)}`);
      // A dependent that changed may unblock an owner deleting in the foreground.
      for (const r of [...(o.metadata.ownerReferences ?? []), ...(old?.metadata.ownerReferences ?? [])]) {
        const owner = byUid.get(r.uid);
        if (owner) queue.add(`owner|${nodeId(owner)}`);
      }
    };
    informers[res]!.on({
      add: (o) => observe(o),
      update: (old, o) => observe(o, old),
      delete: (o) => {
        const n = { res, key: keyOf(o) };
        index(n, undefined, o);
        for (const d of dependentsOf(o.metadata.uid)) queue.add(`del|${nodeId(d)}`);
        for (const r of o.metadata.ownerReferences ?? []) {
          const owner = byUid.get(r.uid);
          if (owner) queue.add(`owner|${nodeId(owner)}`);
        }
      },
    });
  });

  function sync(item: string): void {
    const [kind, res, key] = item.split('|') as [string, string, string];
    const n = { res: Number(res), key };
    const o = objOf(n);
    if (!o) return;
    if (kind === 'del') attemptToDelete(n, o);
    else processOwner(n, o);
  }

  /** ownerState reads an owner live (the cache may lag): absent, being deleted in the foreground, or solid. */
  function ownerState(o: KObject, r: OwnerReference): 'dangling' | 'waiting' | 'solid' {
    const res = resourceForOwner(r.apiVersion, r.kind);
    if (!res) return 'solid';
    try {
      const owner = client.get(res.ref, res.ref.namespaced ? o.metadata.namespace : undefined, r.name);
      if (owner.metadata.uid !== r.uid) return 'dangling';
      if (owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FOREGROUND)) return 'waiting';
      return 'solid';
    } catch (err) {
      if (isNotFound(err)) return 'dangling';
      throw err;
    }
  }

  function attemptToDelete(n: Node, o: KObject): void {
    const f = o.metadata.finalizers ?? [];
    if (o.metadata.deletionTimestamp && !f.includes(FOREGROUND)) return;
    if (f.includes(FOREGROUND)) return processOwner(n, o);
    const refs = o.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const state = new Map(refs.map((r) => [r.uid, ownerState(o, r)]));
    const solid = refs.filter((r) => state.get(r.uid) === 'solid');
    const waiting = refs.filter((r) => state.get(r.uid) === 'waiting');
    const res = GC_RESOURCES[n.res]!.ref;
    if (solid.length > 0) {
      if (solid.length === refs.length) return;
      // Keep the living owners only.
      patchOwners(n, o, solid);
      return;
    }
    const policy = waiting.length > 0 && dependentsOf(o.metadata.uid).length > 0 ? 'Foreground' : f.includes(ORPHAN) ? 'Orphan' : 'Background';
    try {
      client.delete(res, o.metadata.namespace, o.metadata.name!, { propagationPolicy: policy, preconditions: { uid: o.metadata.uid } });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }

  function patchOwners(n: Node, o: KObject, keep: OwnerReference[]): void {
    const res = GC_RESOURCES[n.res]!.ref;
    try {
      client.patch(res, o.metadata.namespace, o.metadata.name!, 'merge', { metadata: { ownerReferences: keep.length ? keep : null, uid: o.metadata.uid } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /** processOwner handles an owner being deleted with the foregroundDeletion or orphan finalizer. */
  function processOwner(n: Node, o: KObject): void {
    const f = o.metadata.finalizers ?? [];
    if (!o.metadata.deletionTimestamp) return;
    const deps = dependentsOf(o.metadata.uid)
      .map((d) => [d, objOf(d)] as const)
      .filter((x): x is readonly [Node, KObject] => !!x[1]);
    if (f.includes(ORPHAN)) {
      for (const [d, dep] of deps) patchOwners(d, dep, (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== o.metadata.uid));
      removeFinalizer(n, o, ORPHAN);
      return;
    }
    if (!f.includes(FOREGROUND)) return;
    const blocking = deps.filter(([, dep]) => dep.metadata.ownerReferences?.some((r) => r.uid === o.metadata.uid && r.blockOwnerDeletion));
    if (blocking.length === 0) {
      removeFinalizer(n, o, FOREGROUND);
      return;
    }
    for (const [d, dep] of blocking) if (!dep.metadata.deletionTimestamp) queue.add(`del|${nodeId(d)}`);
  }

  function removeFinalizer(n: Node, o: KObject, fin: string): void {
    const rest = (o.metadata.finalizers ?? []).filter((x) => x !== fin);
    try {
      client.patch(GC_RESOURCES[n.res]!.ref, o.metadata.namespace, o.metadata.name!, 'merge', { metadata: { finalizers: rest.length ? rest : null } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  return { stop: () => queue.stop() };
}
