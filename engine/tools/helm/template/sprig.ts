import { sha256 } from '@noble/hashes/sha2.js';
import { warnWrap } from './errors.ts';
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { atobUtf8, btoaUtf8 } from '../../../base/base64.ts';
import { deepEqual } from '../../../base/deep.ts';
import { printValue, sprintf, TemplateExecError, truth, type Val } from '../../kubectl/printers/gotemplate/funcs.ts';

/**
 * The sprig functions charts use (strings, lists, dicts, defaults, math,
 * type tests, encodings), written from sprig's documented behaviour. Helm's
 * own functions (toYaml, include, tpl, required, lookup…) are in helm-funcs.ts.
 */

type Fn = (a: Val[]) => Val;
type Dict = Record<string, Val>;

const str = (v: Val): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : printValue(v));
const isDict = (v: Val): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: Val): Val[] => {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  throw new TemplateExecError(`Cannot find first on type ${goKind(v)}`);
};

/** goKind is reflect.Kind's name for a template value (sprig's kindOf). */
export function goKind(v: Val): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return 'slice';
  if (isDict(v)) return 'map';
  return 'invalid';
}

/** goType is fmt's %T of a template value (sprig's typeOf). */
export function goType(v: Val): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  if (isDict(v)) return 'map[string]interface {}';
  return '<nil>';
}

/** empty is sprig's notion of an empty value (what default replaces). */
export function empty(v: Val): boolean {
  return !truth(v);
}

/** toInt is sprig's cast.ToInt64 (strings parse, floats truncate, bad input is 0). */
export function toInt(v: Val): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = /^[+-]?(0x[0-9a-f]+|\d+)$/i.test(v.trim()) ? Number(v.trim()) : NaN;
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

function toFloat(v: Val): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v);
    return Number.isFinite(n) ? n : 0;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return 0;
}

function indent(n: number, s: string): string {
  const pad = ' '.repeat(Math.max(0, n));
  return pad + s.replace(/\n/g, '\n' + pad);
}

function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function goRegex(re: string): RegExp {
  try {
    return new RegExp(re.replace(/\(\?P</g, '(?<').replace(/^\(\?i\)/, ''), /^\(\?i\)/.test(re) ? 'gi' : 'g');
  } catch {
    throw new TemplateExecError(`error parsing regexp: invalid syntax: \`${re}\``);
  }
}

function dictArgs(a: Val[]): Dict {
  const d: Dict = {};
  for (let i = 0; i < a.length; i += 2) d[str(a[i])] = i + 1 < a.length ? a[i + 1] : '';
  return d;
}

function mergeInto(dst: Dict, src: Dict, overwrite: boolean): Dict {
  for (const [k, v] of Object.entries(src)) {
    if (!(k in dst)) dst[k] = structuredClone(v);
    else if (isDict(dst[k]) && isDict(v)) mergeInto(dst[k] as Dict, v, overwrite);
    else if (overwrite || empty(dst[k])) dst[k] = structuredClone(v);
  }
  return dst;
}

function semverParts(v: string): [number, number, number, string] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0), m[4] ?? ''];
}

function semverCmp(a: [number, number, number, string], b: [number, number, number, string]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  if (a[3] === b[3]) return 0;
  if (!a[3]) return 1;
  if (!b[3]) return -1;
  return a[3] < b[3] ? -1 : 1;
}

/** semverSatisfies checks a version against a Masterminds/semver constraint (">=1.21.0-0", "~1.2", "^2", "1.x", "a || b", "a, b"). */
export function semverSatisfies(constraint: string, version: string): boolean {
  const v = semverParts(version);
  if (!v) throw new TemplateExecError(`Invalid Semantic Version`);
  return constraint.split('||').some((alt) =>
    alt
      .split(/,|\s+(?=[<>=!~^])/)
      .map((c) => c.trim())
      .filter(Boolean)
      .every((c) => {
        const m = /^(>=|<=|!=|=>|=<|>|<|=|~|\^)?\s*v?([\dxX*]+(?:\.[\dxX*]+)?(?:\.[\dxX*]+)?(?:-[0-9A-Za-z.-]+)?)$/.exec(c);
        if (!m) throw new TemplateExecError(`improper constraint: ${constraint}`);
        const op = m[1] ?? '';
        const raw = m[2]!;
        const wild = /[xX*]/.test(raw) || raw.split('-')[0]!.split('.').length < 3;
        const t = semverParts(raw.replace(/[xX*]/g, '0'))!;
        const cmp = semverCmp([v[0], v[1], v[2], t[3] && !v[3] ? '' : v[3]], t);
        const depth = raw.split('-')[0]!.split('.').filter((p) => !/[xX*]/.test(p)).length;
        const sameUpTo = (n: number) => (n < 1 || v[0] === t[0]) && (n < 2 || v[1] === t[1]) && (n < 3 || v[2] === t[2]);
        switch (op) {
          case '>=':
          case '=>':
            return cmp >= 0;
          case '<=':
          case '=<':
            return wild ? sameUpTo(depth) || cmp < 0 : cmp <= 0;
          case '>':
            return wild ? !sameUpTo(depth) && cmp > 0 : cmp > 0;
          case '<':
            return cmp < 0;
          case '!=':
            return cmp !== 0;
          case '~':
            return cmp >= 0 && v[0] === t[0] && (depth < 2 ? true : v[1] === t[1]);
          case '^':
            return cmp >= 0 && (t[0] > 0 ? v[0] === t[0] : t[1] > 0 ? v[0] === 0 && v[1] === t[1] : v[0] === 0 && v[1] === 0 && (depth < 3 || v[2] === t[2]));
          default:
            return wild ? sameUpTo(depth) : cmp === 0;
        }
      }),
  );
}

/** SPRIG is the sprig function table (the parts charts commonly use). */
export const SPRIG: Record<string, Fn> = {
  // strings
  trim: (a) => str(a[0]).trim(),
  trimAll: (a) => str(a[1]).replace(new RegExp(`^[${escapeClass(str(a[0]))}]+|[${escapeClass(str(a[0]))}]+$`, 'g'), ''),
  trimSuffix: (a) => (str(a[1]).endsWith(str(a[0])) && str(a[0]) ? str(a[1]).slice(0, -str(a[0]).length) : str(a[1])),
  trimPrefix: (a) => (str(a[1]).startsWith(str(a[0])) ? str(a[1]).slice(str(a[0]).length) : str(a[1])),
  upper: (a) => str(a[0]).toUpperCase(),
  lower: (a) => str(a[0]).toLowerCase(),
  title: (a) => str(a[0]).replace(/(^|[^A-Za-z0-9'])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase()),
  untitle: (a) => str(a[0]).replace(/(^|\s)([A-Z])/g, (_m, p: string, c: string) => p + c.toLowerCase()),
  repeat: (a) => str(a[1]).repeat(Math.max(0, toInt(a[0]))),
  substr: (a) => {
    const s = str(a[2]);
    const start = toInt(a[0]);
    const end = toInt(a[1]);
    if (start < 0) return s.slice(0, end < 0 ? undefined : end);
    if (end < 0 || end > s.length) return s.slice(start);
    return start > end ? '' : s.slice(start, end);
  },
  nospace: (a) => str(a[0]).replace(/\s/g, ''),
  trunc: (a) => {
    const n = toInt(a[0]);
    const s = str(a[1]);
    if (n < 0) return -n < s.length ? s.slice(s.length + n) : s;
    return s.length > n ? s.slice(0, n) : s;
  },
  abbrev: (a) => {
    const n = toInt(a[0]);
    const s = str(a[1]);
    return n < 4 || s.length <= n ? s : s.slice(0, n - 3) + '...';
  },
  initials: (a) => words(str(a[0])).map((w) => w[0]).join(''),
  contains: (a) => str(a[1]).includes(str(a[0])),
  hasPrefix: (a) => str(a[1]).startsWith(str(a[0])),
  hasSuffix: (a) => str(a[1]).endsWith(str(a[0])),
  quote: (a) => a.filter((x) => x !== null && x !== undefined).map((x) => JSON.stringify(str(x))).join(' '),
  squote: (a) => a.filter((x) => x !== null && x !== undefined).map((x) => `'${str(x)}'`).join(' '),
  cat: (a) => a.filter((x) => x !== null && x !== undefined).map(str).join(' '),
  indent: (a) => indent(toInt(a[0]), str(a[1])),
  nindent: (a) => '\n' + indent(toInt(a[0]), str(a[1])),
  replace: (a) => str(a[2]).split(str(a[0])).join(str(a[1])),
  plural: (a) => (toInt(a[2]) === 1 ? str(a[0]) : str(a[1])),
  snakecase: (a) => words(str(a[0])).map((w) => w.toLowerCase()).join('_'),
  camelcase: (a) => str(a[0]).split(/[_\s-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''),
  kebabcase: (a) => words(str(a[0])).map((w) => w.toLowerCase()).join('-'),
  wrap: (a) => str(a[1]).replace(new RegExp(`(.{1,${Math.max(1, toInt(a[0]))}})(\\s+|$)`, 'g'), '$1\n').trimEnd(),
  toString: (a: Val[]) => str(a[0]),
  toStrings: (a) => list(a[0]).map(str),
  splitList: (a) => str(a[1]).split(str(a[0])),
  split: (a) => Object.fromEntries(str(a[1]).split(str(a[0])).map((p, i) => [`_${i}`, p])),
  splitn: (a) => {
    const parts = str(a[2]).split(str(a[0]));
    const n = toInt(a[1]);
    const out = n > 0 && parts.length > n ? [...parts.slice(0, n - 1), parts.slice(n - 1).join(str(a[0]))] : parts;
    return Object.fromEntries(out.map((p, i) => [`_${i}`, p]));
  },
  join: (a) => (Array.isArray(a[1]) ? a[1].map(str) : [str(a[1])]).join(str(a[0])),
  sortAlpha: (a) => list(a[0]).map(str).sort(),
  regexMatch: (a) => goRegex(str(a[0])).test(str(a[1])),
  regexFind: (a) => str(a[1]).match(goRegex(str(a[0])))?.[0] ?? '',
  regexFindAll: (a) => {
    const all = str(a[1]).match(goRegex(str(a[0]))) ?? [];
    const n = toInt(a[2]);
    return n < 0 ? all : all.slice(0, n);
  },
  regexReplaceAll: (a) => str(a[1]).replace(goRegex(str(a[0])), str(a[2]).replace(/\$\{?(\w+)\}?/g, (_m, g: string) => (/^\d+$/.test(g) ? `$${g}` : `$<${g}>`))),
  regexReplaceAllLiteral: (a) => str(a[1]).replace(goRegex(str(a[0])), () => str(a[2])),
  regexSplit: (a) => {
    const parts = str(a[1]).split(goRegex(str(a[0])));
    const n = toInt(a[2]);
    return n < 0 ? parts : parts.slice(0, n);
  },
  // encodings and hashes
  b64enc: (a) => btoaUtf8(str(a[0])),
  b64dec: (a) => {
    try {
      return atobUtf8(str(a[0]));
    } catch {
      return 'illegal base64 data at input byte 0';
    }
  },
  sha256sum: (a) => bytesToHex(sha256(utf8ToBytes(str(a[0])))),
  sha1sum: (a) => bytesToHex(sha1(utf8ToBytes(str(a[0])))),
  // defaults and flow
  default: (a) => (a.length < 2 || empty(a[1]) ? a[0] : a[1]),
  empty: (a) => empty(a[0]),
  coalesce: (a) => a.find((x) => !empty(x)) ?? null,
  all: (a) => a.every((x) => !empty(x)),
  any: (a) => a.some((x) => !empty(x)),
  ternary: (a) => (truth(a[2]) ? a[0] : a[1]),
  fail: (a: Val[]): Val => {
    throw new TemplateExecError(`error calling fail: ${warnWrap(str(a[0]))}`);
  },
  // lists
  list: (a) => a.slice(),
  tuple: (a) => a.slice(),
  first: (a) => list(a[0])[0] ?? null,
  last: (a) => list(a[0])[list(a[0]).length - 1] ?? null,
  rest: (a) => list(a[0]).slice(1),
  initial: (a) => list(a[0]).slice(0, -1),
  append: (a) => [...list(a[0]), a[1]],
  mustAppend: (a) => [...list(a[0]), a[1]],
  push: (a) => [...list(a[0]), a[1]],
  prepend: (a) => [a[1], ...list(a[0])],
  concat: (a) => a.flatMap((x) => list(x)),
  reverse: (a) => list(a[0]).slice().reverse(),
  uniq: (a) => list(a[0]).filter((x, i, all) => all.findIndex((y) => deepEqual(x, y)) === i),
  compact: (a) => list(a[0]).filter((x) => !empty(x)),
  has: (a) => list(a[1]).some((x) => deepEqual(x, a[0])),
  without: (a) => list(a[0]).filter((x) => !a.slice(1).some((y) => deepEqual(x, y))),
  slice: (a) => {
    const l = a[0];
    if (typeof l === 'string') return l.slice(a.length > 1 ? toInt(a[1]) : 0, a.length > 2 ? toInt(a[2]) : undefined);
    return list(l).slice(a.length > 1 ? toInt(a[1]) : 0, a.length > 2 ? toInt(a[2]) : undefined);
  },
  until: (a) => Array.from({ length: Math.max(0, toInt(a[0])) }, (_x, i) => i),
  untilStep: (a) => {
    const out: number[] = [];
    const [start, stop, step] = [toInt(a[0]), toInt(a[1]), toInt(a[2])];
    if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
    else if (step < 0) for (let i = start; i > stop; i += step) out.push(i);
    return out;
  },
  seq: (a) => {
    const n = a.map(toInt);
    const [start, step, end] = n.length === 1 ? [1, 1, n[0]!] : n.length === 2 ? [n[0]!, n[0]! <= n[1]! ? 1 : -1, n[1]!] : [n[0]!, n[1]!, n[2]!];
    const out: number[] = [];
    if (step > 0) for (let i = start; i <= end; i += step) out.push(i);
    else if (step < 0) for (let i = start; i >= end; i += step) out.push(i);
    return out.join(' ');
  },
  // dicts
  dict: (a) => dictArgs(a),
  get: (a) => (isDict(a[0]) && str(a[1]) in a[0] ? a[0][str(a[1])] : ''),
  set: (a) => {
    const d = isDict(a[0]) ? a[0] : {};
    d[str(a[1])] = a[2];
    return d;
  },
  unset: (a) => {
    const d = isDict(a[0]) ? a[0] : {};
    delete d[str(a[1])];
    return d;
  },
  hasKey: (a) => isDict(a[0]) && Object.prototype.hasOwnProperty.call(a[0], str(a[1])),
  keys: (a) => a.flatMap((d) => (isDict(d) ? Object.keys(d) : [])),
  values: (a) => (isDict(a[0]) ? Object.values(a[0]) : []),
  pluck: (a) => a.slice(1).filter((d) => isDict(d) && str(a[0]) in d).map((d) => (d as Dict)[str(a[0])]),
  pick: (a) => Object.fromEntries(Object.entries(isDict(a[0]) ? a[0] : {}).filter(([k]) => a.slice(1).map(str).includes(k))),
  omit: (a) => Object.fromEntries(Object.entries(isDict(a[0]) ? a[0] : {}).filter(([k]) => !a.slice(1).map(str).includes(k))),
  merge: (a) => a.slice(1).reduce<Dict>((d, s) => mergeInto(d, isDict(s) ? s : {}, false), isDict(a[0]) ? a[0] : {}),
  mustMerge: (a) => a.slice(1).reduce<Dict>((d, s) => mergeInto(d, isDict(s) ? s : {}, false), isDict(a[0]) ? a[0] : {}),
  mergeOverwrite: (a) => a.slice(1).reduce<Dict>((d, s) => mergeInto(d, isDict(s) ? s : {}, true), isDict(a[0]) ? a[0] : {}),
  mustMergeOverwrite: (a) => a.slice(1).reduce<Dict>((d, s) => mergeInto(d, isDict(s) ? s : {}, true), isDict(a[0]) ? a[0] : {}),
  deepCopy: (a) => structuredClone(a[0]),
  dig: (a) => {
    const d = a[a.length - 1];
    const keys = a.slice(0, -2).map(str);
    let cur: Val = d;
    for (const k of keys) {
      if (!isDict(cur) || !(k in cur)) return a[a.length - 2];
      cur = cur[k];
    }
    return cur;
  },
  // math
  add: (a) => a.reduce<number>((s, x) => s + toInt(x), 0),
  add1: (a) => toInt(a[0]) + 1,
  sub: (a) => toInt(a[0]) - toInt(a[1]),
  mul: (a) => a.reduce<number>((s, x) => s * toInt(x), 1),
  div: (a) => {
    if (toInt(a[1]) === 0) throw new TemplateExecError('error calling div: runtime error: integer divide by zero');
    return Math.trunc(toInt(a[0]) / toInt(a[1]));
  },
  mod: (a) => {
    if (toInt(a[1]) === 0) throw new TemplateExecError('error calling mod: runtime error: integer divide by zero');
    return toInt(a[0]) % toInt(a[1]);
  },
  max: (a) => Math.max(...a.map(toInt)),
  min: (a) => Math.min(...a.map(toInt)),
  addf: (a) => a.reduce<number>((s, x) => s + toFloat(x), 0),
  subf: (a) => a.slice(1).reduce<number>((s, x) => s - toFloat(x), toFloat(a[0])),
  mulf: (a) => a.reduce<number>((s, x) => s * toFloat(x), 1),
  divf: (a) => a.slice(1).reduce<number>((s, x) => s / toFloat(x), toFloat(a[0])),
  ceil: (a) => Math.ceil(toFloat(a[0])),
  floor: (a) => Math.floor(toFloat(a[0])),
  round: (a) => {
    const p = 10 ** toInt(a[1]);
    return Math.round(toFloat(a[0]) * p) / p;
  },
  int: (a) => toInt(a[0]),
  int64: (a) => toInt(a[0]),
  float64: (a) => toFloat(a[0]),
  atoi: (a) => toInt(str(a[0])),
  // types
  kindOf: (a) => goKind(a[0]),
  kindIs: (a) => goKind(a[1]) === str(a[0]),
  typeOf: (a) => goType(a[0]),
  typeIs: (a) => goType(a[1]) === str(a[0]),
  typeIsLike: (a) => goType(a[1]) === str(a[0]) || goType(a[1]) === `*${str(a[0])}`,
  deepEqual: (a) => deepEqual(a[0], a[1]),
  // versions
  semverCompare: (a) => semverSatisfies(str(a[0]), str(a[1])),
  semver: (a) => {
    const p = semverParts(str(a[0]));
    if (!p) throw new TemplateExecError('error calling semver: Invalid Semantic Version');
    return { Major: p[0], Minor: p[1], Patch: p[2], Prerelease: p[3], Original: str(a[0]) };
  },
  // misc
  printf: (a) => sprintf(str(a[0]), a.slice(1)),
};

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&');
}
