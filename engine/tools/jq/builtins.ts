import type { Node } from './ast.ts';
import { gmtime, mktime, strftime, strptime } from './dates.ts';
import type { Evaluator, Out, Scope } from './eval.ts';
import { toJSON, truncDump } from './format.ts';
import { JsonStream } from './json-parse.ts';
import { splitString } from './ops.ts';
import { delpaths, getpath, indicesOf, invalidPath, setpath } from './paths.ts';
import { matches, type Match } from './regex.ts';
import { codepoints, compare, isObject, JqError, sortedKeys, truthy, typeName, type Value } from './values.ts';

/**
 * The builtins jq implements in C. Each gets the evaluator, its argument
 * filters, the current output (value and, in path mode, path) and the scope
 * the arguments are evaluated in.
 */
export interface NativeCtx {
  ev: Evaluator;
  args: Node[];
  cur: Out;
  sc: Scope | null;
  io: NativeIO;
}

/** NativeIO is the world jq's builtins reach: more inputs, stderr, the clock, the environment. */
export interface NativeIO {
  nextInput(): Value | undefined;
  stderr(text: string): void;
  now(): number;
  env: Value;
  filename(): Value;
  halt(code: number): never;
}

export type Native = (c: NativeCtx) => Iterable<Out>;

const v = (c: NativeCtx, x: Value): Out => ({ v: x, p: c.cur.p === undefined ? undefined : null });
const one = (f: (x: Value, c: NativeCtx) => Value): Native =>
  function* (c) {
    yield v(c, f(c.cur.v, c));
  };
/** withArgs evaluates value arguments (cartesian product, last argument varying fastest... as jq does for C builtins, first varying fastest). */
function withArgs(f: (x: Value, a: Value[], c: NativeCtx) => Value): Native {
  return function* (c) {
    const vals: Value[][] = c.args.map((a) => [...c.ev.values(a, c.cur.v, c.sc)]);
    const combos: Value[][] = [[]];
    for (let i = vals.length - 1; i >= 0; i--) {
      const next: Value[][] = [];
      for (const x of vals[i]!) for (const rest of combos) next.push([x, ...rest]);
      combos.splice(0, combos.length, ...next);
    }
    for (const a of combos) yield v(c, f(c.cur.v, a, c));
  };
}

function desc(x: Value): string {
  return `${typeName(x)} (${truncDump(x)})`;
}

function keysOf(x: Value, sorted: boolean): Value {
  if (isObject(x)) return sorted ? sortedKeys(x) : [...x.keys()];
  if (Array.isArray(x)) return x.map((_, i) => i);
  throw new JqError(`${desc(x)} has no keys`);
}

function length(x: Value): Value {
  if (x === null) return 0;
  if (typeof x === 'boolean') throw new JqError(`${desc(x)} has no length`);
  if (typeof x === 'number') return Math.abs(x);
  if (typeof x === 'string') return codepoints(x);
  if (Array.isArray(x)) return x.length;
  return x.size;
}

export function contains(a: Value, b: Value): boolean {
  if (isObject(a) && isObject(b)) {
    for (const [k, bv] of b) {
      const av = a.get(k);
      if (av === undefined || !contains(av, bv)) return false;
    }
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) return b.every((bv) => a.some((av) => contains(av, bv)));
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b);
  if (typeName(a) === typeName(b)) return compare(a, b) === 0;
  throw new JqError(`${desc(a)} and ${desc(b)} cannot have their containment checked`);
}

function sortArray(x: Value): Value[] {
  if (!Array.isArray(x)) throw new JqError(`${desc(x)} cannot be sorted, as it is not an array`);
  return [...x].sort(compare);
}

/** byKeys pairs each element with its key array (from map([f])), stably sorted by key. */
function byKeys(x: Value, keys: Value): Array<[Value, Value]> {
  if (!Array.isArray(x)) throw new JqError(`${desc(x)} cannot be sorted, as it is not an array`);
  const ks = keys as Value[];
  return x.map((el, i) => [el, ks[i]!] as [Value, Value]).sort((a, b) => compare(a[1], b[1]));
}

function parseJSONText(s: string): Value {
  const st = new JsonStream(s);
  const r = st.read();
  if (r === null) throw new JqError(`Expected JSON value (while parsing '${s}')`);
  if ('error' in r) throw new JqError(`${r.error} (while parsing '${s}')`);
  if (!('value' in r)) throw new JqError(`Expected JSON value (while parsing '${s}')`);
  const more = st.read();
  if (more !== null) throw new JqError(`Unexpected extra JSON values (while parsing '${s}')`);
  return r.value;
}

function requireString(x: Value, msg: string): string {
  if (typeof x !== 'string') throw new JqError(msg);
  return x;
}

function matchValue(m: Match): Value {
  return new Map<string, Value>([
    ['offset', m.offset],
    ['length', m.length],
    ['string', m.string],
    [
      'captures',
      m.captures.map((c) =>
        c.offset < 0
          ? new Map<string, Value>([['offset', -1], ['string', null], ['length', 0], ['name', c.name]])
          : new Map<string, Value>([['offset', c.offset], ['length', c.length], ['string', c.string], ['name', c.name]]),
      ),
    ],
  ]);
}

function matchInput(x: Value): string {
  if (typeof x !== 'string') throw new JqError(`${desc(x)} cannot be matched, as it is not a string`);
  return x;
}

/** regexArg reads the one-argument forms test(re), match(re): a string, or [re, flags] as jq 1.6 also accepts. */
function regexArg(re: Value): [Value, Value] {
  if (typeof re === 'string') return [re, null];
  if (Array.isArray(re) && re.length > 1) return [re[0]!, re[1]!];
  if (Array.isArray(re) && re.length > 0) return [re[0]!, null];
  throw new JqError(`${typeName(re)} not a string or array`);
}

function captureObject(m: Match): Value {
  const o = new Map<string, Value>();
  for (const c of m.captures) if (c.name !== null) o.set(c.name, c.string);
  return o;
}

/** substitute is sub/gsub: each match is replaced by the replacement filter's outputs on the named captures. */
function* substitute(c: NativeCtx, global: boolean): Generator<Out> {
  const s = c.cur.v;
  if (typeof s !== 'string') throw new JqError(`${desc(s)} cannot be matched, as it is not a string`);
  const flagVals = c.args[2] ? [...c.ev.values(c.args[2], s, c.sc)] : [null];
  for (const re of c.ev.values(c.args[0]!, s, c.sc)) {
    for (const fl of flagVals) {
      const ms = matches(s, re, fl, global);
      const cps = [...s];
      if (!global && !c.args[2]) {
        const m = ms[0];
        if (!m) {
          yield v(c, s);
          continue;
        }
        for (const r of c.ev.values(c.args[1]!, captureObject(m), c.sc)) {
          if (typeof r !== 'string') throw new JqError(`${desc(cps.slice(0, m.offset).join(''))} and ${desc(r)} cannot be added`);
          yield v(c, cps.slice(0, m.offset).join('') + r + cps.slice(m.offset + m.length).join(''));
        }
        continue;
      }
      let out = '';
      let prev = 0;
      for (const m of ms) {
        out += cps.slice(prev, m.offset).join('');
        for (const r of c.ev.values(c.args[1]!, captureObject(m), c.sc)) {
          if (typeof r !== 'string') throw new JqError(`${desc(out)} and ${desc(r)} cannot be added`);
          out += r;
        }
        prev = m.offset + m.length;
      }
      yield v(c, out + cps.slice(prev).join(''));
    }
  }
}

function flatten(x: Value, depth: number): Value[] {
  if (!Array.isArray(x) && !isObject(x)) throw new JqError(`Cannot iterate over ${desc(x)}`);
  const out: Value[] = [];
  for (const el of Array.isArray(x) ? x : x.values()) {
    if (Array.isArray(el) && depth !== 0) out.push(...flatten(el, depth - 1));
    else out.push(el);
  }
  return out;
}

function math(f: (n: number) => number): Native {
  return one((x) => {
    if (typeof x !== 'number') throw new JqError(`${desc(x)} number required`);
    return f(x);
  });
}

function mathTest(f: (n: number) => boolean): Native {
  return one((x) => {
    if (typeof x !== 'number') throw new JqError(`${desc(x)} number required`);
    return f(x);
  });
}

function math2(f: (a: number, b: number) => number): Native {
  return withArgs((_x, [a, b]) => {
    if (typeof a !== 'number' || typeof b !== 'number') throw new JqError(`${desc(typeof a !== 'number' ? a! : b!)} number required`);
    return f(a, b);
  });
}

function strIndices(s: Value, i: Value): Value {
  if (typeof s !== 'string' || typeof i !== 'string') throw new JqError('Cannot determine indices');
  if (i === '') return null;
  const out: number[] = [];
  // jq 1.6 reports byte offsets for string indices
  const hay = new TextEncoder().encode(s);
  const needle = new TextEncoder().encode(i);
  for (let p = 0; p + needle.length <= hay.length; p++) {
    let ok = true;
    for (let q = 0; q < needle.length && ok; q++) ok = hay[p + q] === needle[q];
    if (ok) out.push(p);
  }
  return out;
}

/** NATIVES maps name/arity to the C-implemented builtins. */
export const NATIVES: Record<string, Native> = {
  'empty/0': function* () {},
  'not/0': one((x) => !truthy(x)),
  'length/0': one(length),
  'utf8bytelength/0': one((x) => new TextEncoder().encode(requireString(x, `${desc(x)} only strings have UTF-8 byte length`)).length),
  'keys/0': one((x) => keysOf(x, true)),
  'keys_unsorted/0': one((x) => keysOf(x, false)),
  'has/1': withArgs((x, [k]) => {
    if (isObject(x) && typeof k === 'string') return x.has(k);
    if (Array.isArray(x) && typeof k === 'number') return k >= 0 && k < x.length;
    throw new JqError(`Cannot check whether ${typeName(x)} has a ${typeName(k!)} key`);
  }),
  'contains/1': withArgs((x, [b]) => contains(x, b!)),
  'type/0': one((x) => typeName(x)),
  'tostring/0': one((x) => (typeof x === 'string' ? x : toJSON(x))),
  'tojson/0': one((x) => toJSON(x)),
  'fromjson/0': one((x) => parseJSONText(requireString(x, `${desc(x)} only strings can be parsed`))),
  'tonumber/0': one((x) => {
    if (typeof x === 'number') return x;
    if (typeof x === 'string') {
      const parsed = parseJSONText(x);
      if (typeof parsed === 'number') return parsed;
    }
    throw new JqError(`${desc(x)} cannot be parsed as a number`);
  }),
  'error/0': function* (c) {
    throw new JqError(c.cur.v);
  },
  'path/1': function* (c) {
    for (const p of c.ev.paths(c.args[0]!, c.cur.v, c.sc)) yield v(c, p);
  },
  'getpath/1': function* (c) {
    for (const p of c.ev.values(c.args[0]!, c.cur.v, c.sc)) {
      if (!Array.isArray(p)) throw new JqError('Path must be specified as an array');
      const got = getpath(c.cur.v, p);
      if (c.cur.p === null) throw invalidPath(c.cur.v);
      yield { v: got, p: c.cur.p === undefined ? undefined : [...c.cur.p, ...p] };
    }
  },
  'setpath/2': withArgs((x, [p, val]) => {
    if (!Array.isArray(p)) throw new JqError('Path must be specified as an array');
    return setpath(x, p, val!);
  }),
  'delpaths/1': withArgs((x, [ps]) => delpaths(x, ps!)),
  'sort/0': one(sortArray),
  'unique/0': one((x) => sortArray(x).filter((el, i, a) => i === 0 || compare(a[i - 1]!, el) !== 0)),
  'min/0': one((x) => {
    const a = sortArray(x);
    return a.length ? a[0]! : null;
  }),
  'max/0': one((x) => {
    const a = sortArray(x);
    return a.length ? a[a.length - 1]! : null;
  }),
  '_sort_by_impl/1': withArgs((x, [keys]) => byKeys(x, keys!).map((p) => p[0])),
  '_group_by_impl/1': withArgs((x, [keys]) => {
    const out: Value[][] = [];
    let last: Value | undefined;
    for (const [el, k] of byKeys(x, keys!)) {
      if (last !== undefined && compare(last, k) === 0) out[out.length - 1]!.push(el);
      else out.push([el]);
      last = k;
    }
    return out;
  }),
  '_min_by_impl/1': withArgs((x, [keys]) => {
    const pairs = byKeys(x, keys!);
    return pairs.length ? pairs[0]![0] : null;
  }),
  '_max_by_impl/1': withArgs((x, [keys]) => {
    const pairs = byKeys(x, keys!);
    return pairs.length ? pairs[pairs.length - 1]![0] : null;
  }),
  'range/2': function* (c) {
    for (const from of c.ev.values(c.args[0]!, c.cur.v, c.sc)) {
      for (const upto of c.ev.values(c.args[1]!, c.cur.v, c.sc)) {
        if (typeof from !== 'number' || typeof upto !== 'number') throw new JqError('Range bounds must be numeric');
        for (let i = from; i < upto; i++) {
          c.ev.tick();
          yield v(c, i);
        }
      }
    }
  },
  'range/3': function* (c) {
    for (const from of c.ev.values(c.args[0]!, c.cur.v, c.sc)) {
      for (const upto of c.ev.values(c.args[1]!, c.cur.v, c.sc)) {
        for (const by of c.ev.values(c.args[2]!, c.cur.v, c.sc)) {
          if (typeof from !== 'number' || typeof upto !== 'number' || typeof by !== 'number') throw new JqError('Range bounds must be numeric');
          if (by > 0) for (let i = from; i < upto; i += by) yield (c.ev.tick(), v(c, i));
          else if (by < 0) for (let i = from; i > upto; i += by) yield (c.ev.tick(), v(c, i));
          else if (from < upto) for (;;) yield (c.ev.tick(), v(c, from));
        }
      }
    }
  },
  'startswith/1': withArgs((x, [b]) => {
    if (typeof x !== 'string' || typeof b !== 'string') throw new JqError('startswith() requires string inputs');
    return x.startsWith(b);
  }),
  'endswith/1': withArgs((x, [b]) => {
    if (typeof x !== 'string' || typeof b !== 'string') throw new JqError('endswith() requires string inputs');
    return x.endsWith(b);
  }),
  'ltrimstr/1': withArgs((x, [b]) => (typeof x === 'string' && typeof b === 'string' && x.startsWith(b) ? x.slice(b.length) : x)),
  'rtrimstr/1': withArgs((x, [b]) => (typeof x === 'string' && typeof b === 'string' && x.endsWith(b) && b !== '' ? x.slice(0, x.length - b.length) : x)),
  'explode/0': one((x) => [...requireString(x, 'explode input must be a string')].map((ch) => ch.codePointAt(0)!)),
  'implode/0': one((x) => {
    if (!Array.isArray(x)) throw new JqError('implode input must be an array');
    return x.map((n) => String.fromCodePoint(typeof n === 'number' ? n : 0xfffd)).join('');
  }),
  'split/1': withArgs((x, [sep]) => {
    if (typeof x !== 'string' || typeof sep !== 'string') throw new JqError('split input and separator must be strings');
    return splitString(x, sep);
  }),
  'split/2': withArgs((x, [re, flags]) => {
    const s = matchInput(x);
    const out: Value[] = [];
    let prev = 0;
    const cps = [...s];
    for (const m of matches(s, re!, flags!, true)) {
      out.push(cps.slice(prev, m.offset).join(''));
      prev = m.offset + m.length;
    }
    out.push(cps.slice(prev).join(''));
    return out;
  }),
  'test/1': withArgs((x, [re]) => matches(matchInput(x), ...regexArg(re!)).length > 0),
  'test/2': withArgs((x, [re, fl]) => matches(matchInput(x), re!, fl!).length > 0),
  'match/1': function* (c) {
    for (const re of c.ev.values(c.args[0]!, c.cur.v, c.sc)) for (const m of matches(matchInput(c.cur.v), ...regexArg(re))) yield v(c, matchValue(m));
  },
  'match/2': function* (c) {
    for (const fl of c.ev.values(c.args[1]!, c.cur.v, c.sc)) for (const re of c.ev.values(c.args[0]!, c.cur.v, c.sc)) for (const m of matches(matchInput(c.cur.v), re, fl)) yield v(c, matchValue(m));
  },
  'sub/2': (c) => substitute(c, false),
  'sub/3': (c) => substitute(c, false),
  'gsub/2': (c) => substitute(c, true),
  'gsub/3': (c) => substitute(c, true),
  'indices/1': withArgs((x, [i]) => {
    if (x === null) return null;
    if (Array.isArray(x) && Array.isArray(i)) return indicesOf(x, i);
    if (Array.isArray(x)) return indicesOf(x, [i!]);
    return strIndices(x, i!);
  }),
  '_flatten/1': withArgs((x, [d]) => flatten(x, d as number)),
  'floor/0': math(Math.floor),
  'ceil/0': math(Math.ceil),
  'round/0': math((n) => (n < 0 ? -Math.round(-n) : Math.round(n))),
  'sqrt/0': math(Math.sqrt),
  'fabs/0': math(Math.abs),
  'trunc/0': math(Math.trunc),
  'exp/0': math(Math.exp),
  'exp2/0': math((n) => 2 ** n),
  'exp10/0': math((n) => 10 ** n),
  'log/0': math(Math.log),
  'log2/0': math(Math.log2),
  'log10/0': math(Math.log10),
  'sin/0': math(Math.sin),
  'cos/0': math(Math.cos),
  'tan/0': math(Math.tan),
  'significand/0': math((n) => (n === 0 ? 0 : n / 2 ** Math.floor(Math.log2(Math.abs(n))))),
  'pow/2': math2((a, b) => a ** b),
  'log/2': math2((a, b) => Math.log(a) / Math.log(b)),
  'fmin/2': math2(Math.min),
  'fmax/2': math2(Math.max),
  'infinite/0': one(() => Infinity),
  'nan/0': one(() => NaN),
  'isinfinite/0': mathTest((n) => !Number.isFinite(n) && !Number.isNaN(n)),
  'isnan/0': mathTest(Number.isNaN),
  'isnormal/0': mathTest((n) => Number.isFinite(n) && n !== 0),
  'input/0': function* (c) {
    const next = c.io.nextInput();
    // jq 1.6 reports running out of inputs as "break"
    if (next === undefined) throw new JqError('break');
    yield v(c, next);
  },
  'inputs/0': function* (c) {
    for (let next = c.io.nextInput(); next !== undefined; next = c.io.nextInput()) yield v(c, next);
  },
  'debug/0': function* (c) {
    c.io.stderr(`["DEBUG:",${toJSON(c.cur.v)}]\n`);
    yield c.cur;
  },
  'stderr/0': function* (c) {
    c.io.stderr(toJSON(c.cur.v));
    yield c.cur;
  },
  'input_filename/0': one((_x, c) => c.io.filename()),
  'input_line_number/0': one(() => 0),
  'now/0': one((_x, c) => c.io.now()),
  'mktime/0': one(mktime),
  'gmtime/0': one(gmtime),
  'strftime/1': withArgs((x, [f]) => strftime(x, f!)),
  'strflocaltime/1': withArgs((x, [f]) => strftime(x, f!)),
  'strptime/1': withArgs((x, [f]) => strptime(x, f!)),
  'halt/0': one((_x, c) => c.io.halt(0)),
  'halt_error/1': withArgs((x, [code], c) => {
    c.io.stderr(typeof x === 'string' ? x : toJSON(x) + '\n');
    return c.io.halt(typeof code === 'number' ? code : 5);
  }),
  'builtins/0': one(() => [...builtinNames()]),
  'first/1': function* (c) {
    for (const o of c.ev.run(c.args[0]!, c.cur, c.sc)) {
      yield o;
      return;
    }
  },
  'last/1': function* (c) {
    let last: Out | undefined;
    for (const o of c.ev.run(c.args[0]!, c.cur, c.sc)) last = o;
    if (last) yield last;
  },
  'limit/2': function* (c) {
    for (const n of c.ev.values(c.args[0]!, c.cur.v, c.sc)) {
      if (typeof n !== 'number') throw new JqError('Invalid limit: must be a number');
      // jq 1.6 checks the count after emitting, so n <= 0 still gives the first output
      let i = 0;
      for (const o of c.ev.run(c.args[1]!, c.cur, c.sc)) {
        yield o;
        if (++i >= n) break;
      }
    }
  },
};

let names: Set<string> | undefined;
function builtinNames(): Set<string> {
  names ??= new Set(Object.keys(NATIVES).filter((k) => !k.startsWith('_')));
  return names;
}
