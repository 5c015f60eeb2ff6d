import { truncDump } from './format.ts';
import { compare, isObject, JqError, typeName, type JqObject, type Value } from './values.ts';

/** jq 1.6's arithmetic and comparison operators, with its error texts. */

function typeError2(a: Value, b: Value, what: string): JqError {
  return new JqError(`${typeName(a)} (${truncDump(a)}) and ${typeName(b)} (${truncDump(b)}) ${what}`);
}

function mergeDeep(a: JqObject, b: JqObject): JqObject {
  const out = new Map(a);
  for (const [k, v] of b) {
    const cur = out.get(k);
    out.set(k, cur !== undefined && isObject(cur) && isObject(v) ? mergeDeep(cur, v) : v);
  }
  return out;
}

export function add(a: Value, b: Value): Value {
  if (a === null) return b;
  if (b === null) return a;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (isObject(a) && isObject(b)) {
    const out = new Map(a);
    for (const [k, v] of b) out.set(k, v);
    return out;
  }
  throw typeError2(a, b, 'cannot be added');
}

export function binop(op: string, a: Value, b: Value): Value {
  switch (op) {
    case '+':
      return add(a, b);
    case '-':
      if (typeof a === 'number' && typeof b === 'number') return a - b;
      if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => compare(x, y) === 0));
      throw typeError2(a, b, 'cannot be subtracted');
    case '*': {
      if (typeof a === 'number' && typeof b === 'number') return a * b;
      if ((typeof a === 'string' && typeof b === 'number') || (typeof a === 'number' && typeof b === 'string')) {
        const str = typeof a === 'string' ? a : (b as string);
        const num = typeof a === 'number' ? a : (b as number);
        // jq 1.6 repeats the string (int)(n - 1) more times; n <= 0 gives null
        const more = Math.trunc(num - 1);
        if (more < 0) return null;
        return str.repeat(more + 1);
      }
      if (isObject(a) && isObject(b)) return mergeDeep(a, b);
      throw typeError2(a, b, 'cannot be multiplied');
    }
    case '/':
      if (typeof a === 'number' && typeof b === 'number') {
        if (b === 0) throw typeError2(a, b, 'cannot be divided because the divisor is zero');
        return a / b;
      }
      if (typeof a === 'string' && typeof b === 'string') return splitString(a, b);
      throw typeError2(a, b, 'cannot be divided');
    case '%':
      if (typeof a === 'number' && typeof b === 'number') {
        const bi = Math.trunc(b);
        if (bi === 0 || Number.isNaN(bi)) throw typeError2(a, b, 'cannot be divided because the divisor is zero');
        const r = Math.trunc(a) % Math.abs(bi);
        return r === 0 ? 0 : r;
      }
      throw typeError2(a, b, 'cannot be divided');
    case '==':
      return compare(a, b) === 0;
    case '!=':
      return compare(a, b) !== 0;
    case '<':
      return compare(a, b) < 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>':
      return compare(a, b) > 0;
    case '>=':
      return compare(a, b) >= 0;
  }
  throw new JqError(`unknown operator ${op}`);
}

/** splitString is `split/1` and string division: an empty separator gives no pieces for "". */
export function splitString(s: string, sep: string): Value[] {
  if (s === '') return [];
  if (sep === '') return [...s];
  return s.split(sep);
}
