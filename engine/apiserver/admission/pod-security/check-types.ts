import { list, type Obj } from '../util.ts';

/** CheckResult is one check's verdict (policy.CheckResult). */
export interface CheckResult {
  allowed: boolean;
  reason?: string;
  detail?: string;
}

/** PodMeta is the part of ObjectMeta the checks read. */
export interface PodMeta {
  annotations?: Record<string, string>;
}

export const allow: CheckResult = { allowed: true };

export function deny(reason: string, detail: string): CheckResult {
  return { allowed: false, reason, detail };
}

/** joinQuote is `"a", "b"`. */
export function joinQuote(items: string[]): string {
  return items.length ? `"${items.join('", "')}"` : '';
}

export function plural(singular: string, pluralForm: string, n: number): string {
  return n === 1 ? singular : pluralForm;
}

/** sortedUnique is sets.NewString(...).List(). */
export function sortedUnique(items: string[]): string[] {
  return [...new Set(items)].sort();
}

/** containers visits init containers, containers, then ephemeral containers. */
export function containers(spec: Obj): Obj[] {
  return [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)];
}

/** isWindows: a few restricted checks do not apply to Windows pods (spec.os.name). */
export function isWindows(spec: Obj): boolean {
  return (spec.os as { name?: string } | undefined)?.name === 'windows';
}
