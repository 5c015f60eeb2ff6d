import { toGoYaml } from '../../../base/goyaml.ts';
import type { KObject } from '../../../api/types.ts';
import { toGoJson } from '../../../base/jsonpath/go-json.ts';

/**
 * Printing whole objects: -o yaml, -o json and -o name, for one object or
 * several (several are wrapped in a List, as kubectl does).
 */

/** stripManagedFields drops metadata.managedFields unless --show-managed-fields. */
export function stripManagedFields(obj: KObject): KObject {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _m, ...meta } = obj.metadata;
  return { ...obj, metadata: meta };
}

/** asList wraps several objects in kind: List, as `kubectl get -o yaml` prints them. */
export function asList(items: KObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

export function printYaml(value: unknown): string {
  return toGoYaml(value);
}

/** printYamlDocs prints several objects as YAML documents separated by ---, as -o yaml does for generators. */
export function printYamlDocs(values: unknown[]): string {
  return values.map((v) => toGoYaml(v)).join('---\n');
}

export function printJson(value: unknown, fromServer: boolean): string {
  return toGoJson(value, { sortKeys: fromServer });
}

/** nameOf renders -o name: "pod/web", "deployment.apps/web". */
export function nameOf(kind: string, group: string, name: string): string {
  const k = kind.toLowerCase();
  return group ? `${k}.${group}/${name}` : `${k}/${name}`;
}
