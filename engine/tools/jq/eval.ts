import type { FuncDef, Node, Pattern } from './ast.ts';
import { binop } from './ops.ts';
import { getpath, index, invalidPath, invalidPathAccess, setpath, slice, delpaths, type Path } from './paths.ts';
import { truncDump } from './format.ts';
import { isObject, JqError, truthy, type Value } from './values.ts';
import type { Interp } from './interp.ts';

/**
 * The evaluator: every jq expression is a generator of outputs. In path mode
 * (path(f), assignments, del) each output also carries the path it was found
 * at; `p` is undefined in value mode and null for an output that is not a path.
 */
export type P = Path | null | undefined;
export interface Out {
  v: Value;
  p: P;
}

/** Scope is a linked list of bindings: variables, functions, closures (filter arguments) and labels. */
export type Scope =
  | { k: 'var'; name: string; value: Value; up: Scope | null }
  | { k: 'func'; key: string; def: FuncDef; up: Scope | null }
  | { k: 'closure'; key: string; body: Node; env: Scope | null; up: Scope | null }
  | { k: 'label'; name: string; id: object; up: Scope | null };

/** BreakSignal unwinds to its label (break $name). */
export class BreakSignal {
  constructor(readonly id: object) {}
}

/** StepLimit stops a runaway program (an infinite loop would freeze the lab). */
export class StepLimit extends Error {}

export function lookupVar(sc: Scope | null, name: string): Value | undefined {
  for (let s = sc; s; s = s.up) if (s.k === 'var' && s.name === name) return s.value;
  return undefined;
}

function lookupFunc(sc: Scope | null, key: string): Extract<Scope, { k: 'func' | 'closure' }> | undefined {
  for (let s = sc; s; s = s.up) if ((s.k === 'func' || s.k === 'closure') && s.key === key) return s;
  return undefined;
}

function lookupLabel(sc: Scope | null, name: string): object | undefined {
  for (let s = sc; s; s = s.up) if (s.k === 'label' && s.name === name) return s.id;
  return undefined;
}

const extend = (p: P, k: Value): P => (p ? [...p, k] : p);

export class Evaluator {
  steps = 0;
  constructor(
    readonly it: Interp,
    readonly maxSteps: number,
  ) {}

  /** tick counts one step of a builtin's own loop (range) against the step limit. */
  tick(): void {
    if (++this.steps > this.maxSteps) throw new StepLimit();
  }

  /** values runs n in value mode. */
  *values(n: Node, input: Value, sc: Scope | null): Generator<Value> {
    for (const o of this.run(n, { v: input, p: undefined }, sc)) yield o.v;
  }

  /** paths runs n in path mode from the root and yields each output's path. */
  *paths(n: Node, input: Value, sc: Scope | null): Generator<Path> {
    for (const o of this.run(n, { v: input, p: [] }, sc)) {
      if (!o.p) throw invalidPath(o.v);
      yield o.p;
    }
  }

  /** first returns the first output or undefined. */
  first(n: Node, input: Value, sc: Scope | null): Value | undefined {
    for (const v of this.values(n, input, sc)) return v;
    return undefined;
  }

  *run(n: Node, cur: Out, sc: Scope | null): Generator<Out> {
    if (++this.steps > this.maxSteps) throw new StepLimit();
    const pm = cur.p !== undefined;
    const val = (v: Value): Out => ({ v, p: pm ? null : undefined });
    switch (n.t) {
      case 'identity':
        yield cur;
        return;
      case 'recurse':
        yield* this.recurseAll(cur);
        return;
      case 'literal':
        yield val(n.value);
        return;
      case 'index':
        for (const t of this.run(n.target, cur, sc)) {
          for (const k of this.values(n.key, cur.v, sc)) {
            if (t.p === null) throw invalidPathAccess(t.v, k);
            yield { v: index(t.v, k), p: extend(t.p, k) };
          }
        }
        return;
      case 'slice':
        for (const t of this.run(n.target, cur, sc)) {
          for (const to of n.to ? this.values(n.to, cur.v, sc) : [null]) {
            for (const from of n.from ? this.values(n.from, cur.v, sc) : [null]) {
              const key = new Map<string, Value>([
                ['start', from],
                ['end', to],
              ]);
              if (t.p === null) throw invalidPathAccess(t.v, key);
              yield { v: slice(t.v, from, to), p: extend(t.p, key) };
            }
          }
        }
        return;
      case 'iterate':
        for (const t of this.run(n.target, cur, sc)) yield* this.iterate(t);
        return;
      case 'try': {
        const gen = this.run(n.body, cur, sc);
        for (;;) {
          let r: IteratorResult<Out>;
          try {
            r = gen.next();
          } catch (e) {
            if (!(e instanceof JqError)) throw e;
            // error(null) carries no message: jq 1.6 treats it as producing nothing
            if (n.handler && e.value !== null) {
              // error(null) is caught with null as the message
              for (const h of this.run(n.handler, { v: e.value, p: pm ? null : undefined }, sc)) yield h;
            }
            return;
          }
          if (r.done) return;
          yield r.value;
        }
      }
      case 'string':
        yield* this.interpolate(n, cur.v, sc, pm);
        return;
      case 'format':
        yield val(this.it.format(n.name, cur.v));
        return;
      case 'array': {
        const out: Value[] = [];
        if (n.body) for (const v of this.values(n.body, cur.v, sc)) out.push(v);
        yield val(out);
        return;
      }
      case 'object':
        for (const o of this.buildObject(n.entries, 0, cur.v, sc, new Map())) yield val(o);
        return;
      case 'neg':
        for (const v of this.values(n.body, cur.v, sc)) {
          if (typeof v !== 'number') throw new JqError(`${typeName2(v)} (${truncDump(v)}) cannot be negated`);
          yield val(-v);
        }
        return;
      case 'pipe':
        for (const l of this.run(n.left, cur, sc)) yield* this.run(n.right, l, sc);
        return;
      case 'comma':
        yield* this.run(n.left, cur, sc);
        yield* this.run(n.right, cur, sc);
        return;
      case 'binop':
        for (const r of this.values(n.right, cur.v, sc)) {
          for (const l of this.values(n.left, cur.v, sc)) {
            // yq: a string compared with a pattern holding * matches it as a wildcard
            if (this.it.dialect.yq && (n.op === '==' || n.op === '!=') && typeof l === 'string' && typeof r === 'string' && r.includes('*')) {
              const re = new RegExp('^' + r.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', 's');
              yield val(re.test(l) === (n.op === '=='));
            } else yield val(binop(n.op, l, r));
          }
        }
        return;
      case 'and':
      case 'or':
        for (const l of this.values(n.left, cur.v, sc)) {
          if (n.t === 'and' && !truthy(l)) {
            yield val(false);
            continue;
          }
          if (n.t === 'or' && truthy(l)) {
            yield val(true);
            continue;
          }
          for (const r of this.values(n.right, cur.v, sc)) yield val(truthy(r));
        }
        return;
      case 'alt': {
        // jq 1.6's // lets errors of its left side through (1.7 swallows them)
        let any = false;
        for (const l of this.run(n.left, cur, sc)) {
          if (truthy(l.v)) {
            any = true;
            yield l;
          }
        }
        if (!any) yield* this.run(n.right, cur, sc);
        return;
      }
      case 'assign':
        for (const v of this.assign(n.op, n.left, n.right, cur.v, sc)) yield val(v);
        return;
      case 'if':
        for (const c of this.values(n.cond, cur.v, sc)) {
          if (truthy(c)) yield* this.run(n.then, cur, sc);
          else if (n.otherwise) yield* this.run(n.otherwise, cur, sc);
          else yield cur;
        }
        return;
      case 'reduce':
        for (const init of this.values(n.init, cur.v, sc)) {
          let acc: Value = init;
          for (const x of this.values(n.source, cur.v, sc)) {
            for (const bound of this.bind(n.pattern, x, sc)) {
              let last: Value = null;
              for (const u of this.values(n.update, acc, bound)) last = u;
              acc = last;
            }
          }
          yield val(acc);
        }
        return;
      case 'foreach':
        for (const init of this.values(n.init, cur.v, sc)) {
          let acc: Value = init;
          for (const x of this.values(n.source, cur.v, sc)) {
            for (const bound of this.bind(n.pattern, x, sc)) {
              for (const u of this.values(n.update, acc, bound)) {
                acc = u;
                if (n.extract) for (const e of this.values(n.extract, u, bound)) yield val(e);
                else yield val(u);
              }
            }
          }
        }
        return;
      case 'as':
        for (const x of this.values(n.source, cur.v, sc)) for (const bound of this.bind(n.pattern, x, sc)) yield* this.run(n.body, cur, bound);
        return;
      case 'def': {
        const fsc: Scope = { k: 'func', key: `${n.fn.name}/${n.fn.params.length}`, def: n.fn, up: sc };
        yield* this.run(n.rest, cur, fsc);
        return;
      }
      case 'var': {
        if (n.name === '__loc__') {
          yield val(new Map<string, Value>([['file', '<top-level>'], ['line', 1]]));
          return;
        }
        const v = lookupVar(sc, n.name);
        yield val(v === undefined ? (this.it.globalVar(n.name) ?? null) : v);
        return;
      }
      case 'label': {
        const id = {};
        try {
          yield* this.run(n.body, cur, { k: 'label', name: n.name, id, up: sc });
        } catch (e) {
          if (e instanceof BreakSignal && e.id === id) return;
          throw e;
        }
        return;
      }
      case 'break': {
        const id = lookupLabel(sc, n.name);
        if (!id) throw new JqError('$*label-' + n.name + ' is not defined');
        throw new BreakSignal(id);
      }
      case 'call':
        yield* this.call(n.name, n.args, cur, sc);
        return;
    }
  }

  *call(name: string, args: Node[], cur: Out, sc: Scope | null): Generator<Out> {
    const key = `${name}/${args.length}`;
    const f = lookupFunc(sc, key) ?? this.it.preludeFunc(key);
    if (f) {
      if (f.k === 'closure') {
        yield* this.run(f.body, cur, f.env);
        return;
      }
      yield* this.callDef(f.def, f, args, cur, sc);
      return;
    }
    yield* this.it.native(name, args, cur, sc);
  }

  /** callDef runs a jq-defined function: filter parameters become closures over the caller's scope, $params are bound per value. */
  private *callDef(def: FuncDef, self: Scope, args: Node[], cur: Out, caller: Scope | null): Generator<Out> {
    let sc: Scope = self;
    const valueParams: Array<[string, Node]> = [];
    def.params.forEach((p, i) => {
      const arg = args[i]!;
      const name = p.startsWith('$') ? p.slice(1) : p;
      sc = { k: 'closure', key: `${name}/0`, body: arg, env: caller, up: sc };
      if (p.startsWith('$')) valueParams.push([name, arg]);
    });
    if (valueParams.length === 0) {
      yield* this.run(def.body, cur, sc);
      return;
    }
    yield* this.bindValues(valueParams, 0, cur, caller, sc, def.body);
  }

  private *bindValues(params: Array<[string, Node]>, i: number, cur: Out, caller: Scope | null, sc: Scope, body: Node): Generator<Out> {
    if (i >= params.length) {
      yield* this.run(body, cur, sc);
      return;
    }
    const [name, arg] = params[i]!;
    for (const v of this.values(arg, cur.v, caller)) yield* this.bindValues(params, i + 1, cur, caller, { k: 'var', name, value: v, up: sc }, body);
  }

  *iterate(t: Out): Generator<Out> {
    const v = t.v;
    if (Array.isArray(v)) {
      if (t.p === null) throw invalidPathAccess(v, undefined);
      for (let i = 0; i < v.length; i++) yield { v: v[i]!, p: extend(t.p, i) };
      return;
    }
    if (isObject(v)) {
      if (t.p === null) throw invalidPathAccess(v, undefined);
      for (const [k, x] of v) yield { v: x, p: extend(t.p, k) };
      return;
    }
    throw new JqError(`Cannot iterate over ${typeName2(v)} (${truncDump(v)})`);
  }

  /** recurseAll is `..`: the value, then everything below it, depth first. */
  *recurseAll(cur: Out): Generator<Out> {
    yield cur;
    const v = cur.v;
    if (Array.isArray(v) || isObject(v)) {
      if (cur.p === null) throw invalidPathAccess(v, undefined);
      for (const c of this.iterate(cur)) yield* this.recurseAll(c);
    }
  }

  private *interpolate(n: Extract<Node, { t: 'string' }>, input: Value, sc: Scope | null, pm: boolean): Generator<Out> {
    // earlier interpolations vary fastest, like jq's nested string concatenation
    const parts = n.parts;
    const self = this;
    function* go(i: number, acc: string): Generator<Out> {
      if (i < 0) {
        yield { v: acc, p: pm ? null : undefined };
        return;
      }
      const part = parts[i]!;
      if (typeof part === 'string') {
        yield* go(i - 1, part + acc);
        return;
      }
      for (const v of self.values(part, input, sc)) {
        const text = n.format ? self.it.format(n.format, v) : typeof v === 'string' ? v : self.it.tojson(v);
        yield* go(i - 1, text + acc);
      }
    }
    yield* go(parts.length - 1, '');
  }

  private *buildObject(entries: Array<{ key: Node; value?: Node }>, i: number, input: Value, sc: Scope | null, acc: Map<string, Value>): Generator<Map<string, Value>> {
    if (i >= entries.length) {
      yield acc;
      return;
    }
    const e = entries[i]!;
    for (const k of this.values(e.key, input, sc)) {
      if (typeof k !== 'string') {
        throw new JqError(`Cannot use ${typeName2(k)} (${truncDump(k)}) as object key`);
      }
      for (const v of this.values(e.value!, input, sc)) {
        const next = new Map(acc);
        next.set(k, v);
        yield* this.buildObject(entries, i + 1, input, sc, next);
      }
    }
  }

  /** bind destructures a value into variables; each way it can be bound is one scope. */
  *bind(pat: Pattern, v: Value, sc: Scope | null): Generator<Scope | null> {
    if (pat.t === 'pvar') {
      yield { k: 'var', name: pat.name, value: v, up: sc };
      return;
    }
    if (pat.t === 'parray') {
      if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot index ${typeName2(v)} with number`);
      const self = this;
      const elems = pat.elems;
      function* go(i: number, s: Scope | null): Generator<Scope | null> {
        if (i >= elems.length) {
          yield s;
          return;
        }
        yield* (function* () {
          for (const b of self.bind(elems[i]!, index(v, i), s)) yield* go(i + 1, b);
        })();
      }
      yield* go(0, sc);
      return;
    }
    const entries = pat.entries;
    const self = this;
    function* go(i: number, s: Scope | null): Generator<Scope | null> {
      if (i >= entries.length) {
        yield s;
        return;
      }
      const e = entries[i]!;
      for (const k of self.values(e.key, v, s)) {
        if (typeof k !== 'string') throw new JqError(`Cannot index ${typeName2(v)} with ${typeName2(k)}`);
        if (v !== null && !isObject(v)) throw new JqError(`Cannot index ${typeName2(v)} with string "${k}"`);
        const x = index(v, k);
        let s2 = s;
        if (e.keyVar) s2 = { k: 'var', name: e.keyVar, value: x, up: s2 };
        if (e.value) for (const b of self.bind(e.value, x, s2)) yield* go(i + 1, b);
        else yield* go(i + 1, s2);
      }
    }
    yield* go(0, sc);
  }

  /** assign implements =, |=, op= and //= the way jq 1.6's builtins define them. */
  private *assign(op: string, lhs: Node, rhs: Node, input: Value, sc: Scope | null): Generator<Value> {
    if (op === '|=') {
      let out = input;
      for (const p of [...this.paths(lhs, input, sc)]) {
        const u = this.first(rhs, getpath(out, p), sc);
        out = u === undefined ? delpaths(out, [p]) : setpath(out, p, u);
      }
      yield out;
      return;
    }
    for (const x of this.values(rhs, input, sc)) {
      let out = input;
      for (const p of [...this.paths(lhs, input, sc)]) {
        if (op === '=') out = setpath(out, p, x);
        else if (op === '//=') {
          const old = getpath(out, p);
          out = setpath(out, p, truthy(old) ? old : x);
        } else out = setpath(out, p, binop(op.slice(0, -1), getpath(out, p), x));
      }
      yield out;
    }
  }
}

function typeName2(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}
