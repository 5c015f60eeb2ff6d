import { rfc3339 } from '../base/clock.ts';
import { clone } from '../base/deep.ts';
import type { Runtime } from '../base/runtime.ts';
import type { Registry } from '../api/registry.ts';
import type { KObject, ResourceDef } from '../api/types.ts';
import { customResourceDefs } from '../api/resources/apiextensions/custom-resource.ts';
import { deleteObject, revisionOf, updateObject } from './storage/writes.ts';
import type { Storage } from './storage/storage.ts';

const CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

/**
 * startCrdSync is the part of the apiextensions-apiserver that serves custom
 * resources: every CustomResourceDefinition in storage registers its served
 * versions in the registry, gets NamesAccepted and Established conditions, and
 * when deleted has its custom resources removed before the CRD goes.
 */
export function startCrdSync(storage: Storage, registry: Registry, runtime: Runtime): { stop(): void } {
  const crdDef = registry.lookup('apiextensions.k8s.io', 'v1', 'customresourcedefinitions');
  if (!crdDef) return { stop: () => {} };
  const store = storage.store(crdDef);
  const registered = new Map<string, ResourceDef[]>();

  const unregister = (uid: string) => {
    // Only the rows this CRD registered (an add-on may have put its own row in place of one).
    for (const d of registered.get(uid) ?? []) if (registry.lookup(d.group, d.version, d.plural) === d) registry.remove(d.group, d.version, d.plural);
    registered.delete(uid);
  };

  const sync = (crd: KObject) => {
    const uid = crd.metadata.uid ?? '';
    unregister(uid);
    if (crd.metadata.deletionTimestamp) {
      runtime.after(0, () => cleanup(crd), 'crd-cleanup');
      return;
    }
    let defs: ResourceDef[] = [];
    try {
      // A kind the lab already serves built in (an add-on's API, such as the Gateway API's) stays as it is:
      // its CRD object is there for kubectl get crd, and the built-in row keeps serving.
      defs = customResourceDefs(crd).filter((d) => !registry.lookup(d.group, d.version, d.plural));
      for (const d of defs) registry.add(d);
    } catch {
      for (const d of defs) registry.remove(d.group, d.version, d.plural);
      defs = [];
    }
    registered.set(uid, defs);
    if (!isEstablished(crd)) runtime.after(0, () => establish(crd.metadata.name ?? ''), 'crd-establish');
  };

  const establish = (name: string) => {
    const cur = store.get(undefined, name);
    if (!cur || isEstablished(cur) || cur.metadata.deletionTimestamp) return;
    const next = clone(cur);
    const t = rfc3339(runtime.now);
    const names = (next.spec as { names?: Record<string, unknown> }).names ?? {};
    next.status = {
      acceptedNames: { ...names, singular: names.singular ?? String(names.kind ?? '').toLowerCase() },
      conditions: [
        { type: 'NamesAccepted', status: 'True', lastTransitionTime: t, reason: 'NoConflicts', message: 'no conflicts found' },
        { type: 'Established', status: 'True', lastTransitionTime: t, reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
      ],
      storedVersions: (next.spec as { versions?: { name: string; storage?: boolean }[] }).versions?.filter((v) => v.storage).map((v) => v.name) ?? [],
    };
    if (!(next.metadata.finalizers ?? []).includes(CLEANUP_FINALIZER)) next.metadata.finalizers = [...(next.metadata.finalizers ?? []), CLEANUP_FINALIZER];
    try {
      updateObject(storage.etcd, store, next, revisionOf(cur));
    } catch {
      // changed meanwhile: the next event syncs again
    }
  };

  const cleanup = (crd: KObject) => {
    const spec = crd.spec as { group: string; names: { plural: string } };
    const kv = storage.etcd;
    kv.deleteRange(`/registry/${spec.group}/${spec.names.plural}/`, { prefix: true });
    const cur = store.get(undefined, crd.metadata.name ?? '');
    if (!cur) return;
    const finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== CLEANUP_FINALIZER);
    if (finalizers.length === 0) {
      deleteObject(kv, store, cur, revisionOf(cur));
    } else {
      const next = clone(cur);
      next.metadata.finalizers = finalizers;
      updateObject(kv, store, next, revisionOf(cur));
    }
  };

  for (const crd of store.list()) sync(crd);
  const off = store.subscribe((e) => {
    if (e.type === 'DELETED') unregister(e.object.metadata.uid ?? '');
    else sync(e.object);
  });
  return {
    stop: () => {
      off();
      for (const uid of [...registered.keys()]) unregister(uid);
    },
  };
}

function isEstablished(crd: KObject): boolean {
  const conds = (crd.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conds.some((c) => c.type === 'Established' && c.status === 'True');
}
