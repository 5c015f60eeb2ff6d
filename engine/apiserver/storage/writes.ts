import { alreadyExists, conflict, CONFLICT_MODIFIED, notFound } from '../../base/errors.ts';
import { groupResource, type KObject } from '../../api/types.ts';
import type { KV } from '../../store/types.ts';
import type { ResourceStore } from './resource-store.ts';

/** encode is the stored form: the object as JSON without its resourceVersion (etcd's mod revision is the version). */
function encode(obj: KObject): string {
  const { resourceVersion: _rv, ...meta } = obj.metadata;
  return JSON.stringify({ ...obj, metadata: meta });
}

function keyOf(store: ResourceStore, obj: KObject): string {
  return store.keyFor(obj.metadata.namespace, obj.metadata.name ?? '');
}

/** createObject stores a new object; it fails with AlreadyExists when the key is taken. */
export function createObject(kv: KV, store: ResourceStore, obj: KObject): KObject {
  const key = keyOf(store, obj);
  store.expect(key, obj);
  const r = kv.txn({
    compare: [{ key, target: 'CREATE', result: 'EQUAL', value: 0 }],
    success: [{ put: { key, value: encode(obj) } }],
    failure: [],
  });
  if (!r.succeeded) throw alreadyExists(groupResource(store.def), obj.metadata.name ?? '');
  return store.get(obj.metadata.namespace, obj.metadata.name ?? '')!;
}

/**
 * updateObject replaces an object if it is still at revision expected
 * (optimistic concurrency); otherwise Conflict, or NotFound if it is gone.
 */
export function updateObject(kv: KV, store: ResourceStore, obj: KObject, expected: number): KObject {
  const key = keyOf(store, obj);
  store.expect(key, obj);
  const r = kv.txn({
    compare: [{ key, target: 'MOD', result: 'EQUAL', value: expected }],
    success: [{ put: { key, value: encode(obj) } }],
    failure: [{ range: { key } }],
  });
  if (!r.succeeded) {
    const found = r.responses[0] && 'range' in r.responses[0] ? r.responses[0].range.count : 0;
    if (!found) throw notFound(groupResource(store.def), obj.metadata.name ?? '');
    throw conflict(groupResource(store.def), obj.metadata.name ?? '', CONFLICT_MODIFIED);
  }
  return store.get(obj.metadata.namespace, obj.metadata.name ?? '')!;
}

/** deleteObject removes an object if it is still at revision expected. */
export function deleteObject(kv: KV, store: ResourceStore, obj: KObject, expected: number): void {
  const key = keyOf(store, obj);
  const r = kv.txn({
    compare: [{ key, target: 'MOD', result: 'EQUAL', value: expected }],
    success: [{ deleteRange: { key } }],
    failure: [{ range: { key } }],
  });
  if (!r.succeeded) {
    const found = r.responses[0] && 'range' in r.responses[0] ? r.responses[0].range.count : 0;
    if (!found) throw notFound(groupResource(store.def), obj.metadata.name ?? '');
    throw conflict(groupResource(store.def), obj.metadata.name ?? '', CONFLICT_MODIFIED);
  }
}

/** revisionOf reads an object's resourceVersion as a number. */
export function revisionOf(obj: KObject): number {
  return Number(obj.metadata.resourceVersion ?? 0);
}
