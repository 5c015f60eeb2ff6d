import { isQualifiedName, isValidLabelValue } from '../../../../api/validation/names.ts';

/** Taint is a node taint as kubectl parses it from KEY[=VALUE]:EFFECT. */
export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
function parseOne(st: string): Taint {
  const parts = st.split(':');
  let key = '';
  let value: string | undefined;
  let effect = '';
  if (parts.length === 1) key = parts[0]!;
  else if (parts.length === 2) {
    effect = parts[1]!;
    if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${st}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = isValidLabelValue(value);
      if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else throw new Error(`invalid taint spec: ${st}`);
  const errs = isQualifiedName(key);
  if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  return value === undefined ? { key, effect } : { key, value, effect };
}

/** parseTaints splits taint arguments into taints to add and taints to remove (KEY- or KEY:EFFECT-). */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const seen = new Set<string>();
  for (const s of specs) {
    if (s.endsWith('-')) {
      const t = parseOne(s.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseOne(s);
    if (!t.effect) throw new Error(`unknown taint spec: ${s}`);
    const id = `${t.key}:${t.effect}`;
    if (seen.has(id)) throw new Error(`duplicated taints with the same key and effect: ${goTaint(t)}`);
    seen.add(id);
    add.push(t);
  }
  return { add, remove };
}

/** taintString is Taint.ToString: key=value:effect, key:effect or key. */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect} <nil>}`;
}

/** isTaintArg tells whether an argument is a taint (not a resource or name). */
export function isTaintArg(a: string): boolean {
  return a.includes('=') || a.includes(':') || a.endsWith('-');
}

/**
 * reorganize applies the updates to a node's taints the way kubectl's taint
 * command does and names the operation (tainted, untainted or modified).
 */
export function reorganize(old: Taint[], add: Taint[], remove: Taint[], overwrite: boolean): { op: 'tainted' | 'untainted' | 'modified'; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  const op = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { op, taints, errors };
}
