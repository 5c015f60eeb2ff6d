import type { KObject } from '../../api/types.ts';
import { parseTime, rfc3339 } from '../../base/clock.ts';
import { pathFor, type ResourceRef } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { WorkQueue } from '../base/workqueue.ts';
import { namespacedDeletable } from './discovery.ts';

interface NsCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason: string;
  message: string;
}

/**
 * startNamespaceController runs pkg/controller/namespace: a namespace being
 * deleted is emptied resource by resource, its deletion conditions report
 * what remains, and once nothing is left the "kubernetes" finalizer is
 * removed so the apiserver can delete it.
 */
export function startNamespaceController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const nsInf = ctx.informers.informer(R.namespaces);
  const queue = new WorkQueue(runtime, 'namespace', sync);
  let resources: ResourceRef[] | undefined;
  nsInf.on({ add: (o) => o.metadata.deletionTimestamp && queue.add(o.metadata.name!), update: (_o, n) => n.metadata.deletionTimestamp && queue.add(n.metadata.name!) });

  function sync(name: string): void {
    const ns = nsInf.get(undefined, name);
    if (!ns || !ns.metadata.deletionTimestamp) return;
    const finalizers = (ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
    if (!finalizers.includes('kubernetes')) return;
    resources ??= namespacedDeletable(client);
    let deleteFailed = '';
    for (const ref of resources) {
      try {
        client.call({ method: 'DELETE', path: pathFor(ref, name) });
      } catch (err) {
        if (!isNotFound(err)) deleteFailed ||= `${ref.plural}: ${String((err as Error).message)}`;
      }
    }
    // What remains: counts per resource, finalizers still holding objects, and how long pods still need.
    const remaining: string[] = [];
    const finalizing = new Map<string, number>();
    let estimate = 0;
    for (const ref of resources) {
      let items: KObject[];
      try {
        items = client.list(ref, name).items;
      } catch {
        continue;
      }
      if (items.length === 0) continue;
      remaining.push(`${ref.plural}.${ref.group} has ${items.length} resource instances`);
      for (const o of items) {
        for (const f of o.metadata.finalizers ?? []) finalizing.set(f, (finalizing.get(f) ?? 0) + 1);
        const until = parseTime(o.metadata.deletionTimestamp);
        if (until !== undefined) estimate = Math.max(estimate, until - runtime.now);
      }
    }
    setConditions(ns, remaining, finalizing, deleteFailed);
    if (remaining.length === 0) {
      const fresh = client.get(R.namespaces, undefined, name);
      const spec = { ...((fresh.spec as object) ?? {}), finalizers: finalizers.filter((f) => f !== 'kubernetes') };
      try {
        client.update(R.namespaces, { ...fresh, spec }, {}, 'finalize');
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      return;
    }
    queue.addAfter(name, Math.max(estimate, 1000));
  }

  function setConditions(ns: KObject, remaining: string[], finalizing: Map<string, number>, deleteFailed: string): void {
    const now = rfc3339(runtime.now);
    const want: NsCondition[] = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      deleteFailed
        ? { type: 'NamespaceDeletionContentFailure', status: 'True', reason: 'ContentDeletionFailed', message: `Failed to delete all resource types, 1 remaining: ${deleteFailed}` }
        : { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      remaining.length
        ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining.sort().join(', ')}` }
        : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
      finalizing.size
        ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${[...finalizing].map(([f, n]) => `${f} in ${n} resource instances`).sort().join(', ')}` }
        : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ];
    const old = ((ns.status as { conditions?: NsCondition[] } | undefined)?.conditions ?? []);
    const conditions = want.map((c) => {
      const prev = old.find((o) => o.type === c.type);
      return prev && prev.status === c.status && prev.reason === c.reason && prev.message === c.message ? prev : { ...c, lastTransitionTime: now };
    });
    if (JSON.stringify(conditions) === JSON.stringify(old)) return;
    try {
      client.updateStatus(R.namespaces, { ...ns, status: { ...((ns.status as object) ?? {}), phase: 'Terminating', conditions } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  return { stop: () => queue.stop() };
}
