import type { KObject } from '../../../../api/types.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';

/**
 * Helpers the generators share: the NAME argument and metadata laid out in
 * ObjectMeta's field order (JSON output keeps the Go struct order).
 */

/** nameArg is create's NameFromCommandArgs: exactly one argument before `--`. */
export function nameArg(c: RunContext): string {
  const n = c.dashIndex >= 0 ? c.dashIndex : c.args.length;
  if (n !== 1) throw new UsageError(`exactly one NAME is required, got ${n}`);
  return c.args[0]!;
}

/** commandArgs are the words after `--` (a container's command). */
export function commandArgs(c: RunContext): string[] {
  return c.dashIndex >= 0 ? c.args.slice(c.dashIndex) : [];
}

/** enforcedNamespace is the namespace a generator writes into the object: only an explicit -n. */
export function enforcedNamespace(c: RunContext): string | undefined {
  return c.f.namespaceExplicit() ? c.f.namespace() : undefined;
}

/** objectMeta builds metadata in Go field order: name, namespace, labels, annotations (kubectl 1.34 omits a zero creationTimestamp). */
export function objectMeta(name: string, namespace?: string, labels?: Record<string, string>, annotations?: Record<string, string>): KObject['metadata'] {
  const m: Record<string, unknown> = { name };
  if (namespace) m.namespace = namespace;
  if (labels && Object.keys(labels).length) m.labels = labels;
  if (annotations && Object.keys(annotations).length) m.annotations = annotations;
  return m as KObject['metadata'];
}

/** requireFlag is cobra's required-flag check. */
export function requireFlag(c: RunContext, ...names: string[]): void {
  const missing = names.filter((n) => !c.changed(n));
  if (missing.length) throw new UsageError(`required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`, 'none');
}

/** make builds a generated object with kind and apiVersion first, as the typed structs serialise. */
export function make(apiVersion: string, kind: string, rest: Record<string, unknown>): KObject {
  return { kind, apiVersion, ...rest } as KObject;
}
