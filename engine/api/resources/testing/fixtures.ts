import { fieldErrorString } from '../../../base/errors.ts';
import type { KObject, ResourceDef } from '../../types.ts';

/** Test helpers for resource rows: a fixed clock and object builders. */

/** NOW is the tests' simulated time. */
export const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
export const CTX = { now: NOW };

/** ago renders the RFC 3339 time that lies ms before NOW. */
export function ago(ms: number): string {
  return new Date(NOW - ms).toISOString().replace('.000Z', 'Z');
}

export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** obj builds a KObject of def's kind with a name (and default namespace when namespaced). */
export function obj(def: ResourceDef, name: string, fields: Record<string, unknown> = {}, meta: Partial<KObject['metadata']> = {}): KObject {
  const apiVersion = def.group ? `${def.group}/${def.version}` : def.version;
  return {
    apiVersion,
    kind: def.kind,
    metadata: { name, ...(def.namespaced ? { namespace: 'default' } : {}), ...meta },
    ...structuredClone(fields),
  };
}

/** created runs the create path the apiserver runs: defaults, prepareForCreate, validate. */
export function created(def: ResourceDef, o: KObject): { obj: KObject; errors: string[] } {
  def.defaults?.(o, { namespace: o.metadata.namespace });
  o.metadata.uid ??= '6f0c1a2b-0000-4000-8000-000000000001';
  o.metadata.creationTimestamp ??= ago(0);
  def.prepareForCreate?.(o);
  const errors = (def.validate?.(o, undefined, CTX) ?? []).map(fieldErrorString);
  return { obj: o, errors };
}

/** updated runs the update path: defaults, prepareForUpdate, validate against old. */
export function updated(def: ResourceDef, o: KObject, old: KObject): string[] {
  def.defaults?.(o, { namespace: o.metadata.namespace });
  def.prepareForUpdate?.(o, old);
  return (def.validate?.(o, old, CTX) ?? []).map(fieldErrorString);
}
