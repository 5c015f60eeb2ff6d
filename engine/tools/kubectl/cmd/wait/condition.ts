import type { KObject } from '../../../../api/types.ts';
import { evalJsonPath } from '../config/jsonpath.ts';

/** WaitFor is a parsed --for: what makes an object's wait end. */
export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; expr: string; value?: string };

/** parseFor reads --for with kubectl's texts for what it does not understand. */
export function parseFor(raw: string): WaitFor {
  const lower = raw.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = raw.slice('condition='.length);
    const eq = rest.indexOf('=');
    if (eq >= 0) return { kind: 'condition', type: rest.slice(0, eq), value: rest.slice(eq + 1) };
    if (rest.startsWith('!')) return { kind: 'condition', type: rest.slice(1), value: 'false' };
    return { kind: 'condition', type: rest, value: 'true' };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = raw.slice('jsonpath='.length);
    const m = /^'?(\{.*\})'?(?:=(.*))?$/.exec(rest) ?? /^'?([^=']+)'?(?:=(.*))?$/.exec(rest);
    if (!m) throw new Error(`jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`);
    let expr = m[1]!;
    if (!expr.startsWith('{')) expr = `{${expr}}`;
    const value = m[2];
    if (value !== undefined && value === '') throw new Error('jsonpath wait has to have a value after equal sign');
    return value === undefined ? { kind: 'jsonpath', expr } : { kind: 'jsonpath', expr, value: value.replace(/^'(.*)'$/, '$1') };
  }
  throw new Error(`unrecognized condition: "${raw}"`);
}

/** conditionMet tells whether obj satisfies a condition or jsonpath wait. */
export function conditionMet(obj: KObject, w: WaitFor): boolean {
  if (w.kind === 'condition') {
    const conds = ((obj.status as { conditions?: { type: string; status: string; observedGeneration?: number }[] } | undefined)?.conditions ?? []);
    const gen = obj.metadata.generation;
    return conds.some(
      (c) => c.type.toLowerCase() === w.type.toLowerCase() && c.status.toLowerCase() === w.value.toLowerCase() && !(c.observedGeneration !== undefined && gen !== undefined && c.observedGeneration < gen),
    );
  }
  if (w.kind === 'jsonpath') {
    let got: string;
    try {
      got = evalJsonPath(w.expr, obj);
    } catch {
      return false;
    }
    if (w.value === undefined) return got !== '';
    return got === w.value;
  }
  return w.kind === 'create';
}
