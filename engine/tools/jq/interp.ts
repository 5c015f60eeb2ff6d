import type { Node, Pattern } from './ast.ts';
import { NATIVES, type Native, type NativeIO } from './builtins.ts';
import { Evaluator, type Out, type Scope } from './eval.ts';
import { applyFormat } from './formats.ts';
import { toJSON } from './format.ts';
import { parseProgram, JqSyntaxError } from './parser.ts';
import { PRELUDE } from './prelude.ts';
import { JqError, type Value } from './values.ts';

/**
 * Interp is one compiled jq program with its globals ($ENV, --arg…), the
 * builtins and the I/O its builtins reach. Compile errors come back as jq
 * prints them; running yields the outputs for one input at a time.
 */
type FuncScope = Extract<Scope, { k: 'func' }>;

const preludes = new Map<string, Map<string, FuncScope>>();

/** preludeOf parses (once) jq's builtins written in jq, plus a dialect's own. */
function preludeOf(extra: string, yq: boolean): Map<string, FuncScope> {
  const cached = preludes.get(extra);
  if (cached) return cached;
  const map = new Map<string, FuncScope>();
  let n = parseProgram(PRELUDE + extra + '.', { yq });
  while (n.t === 'def') {
    const key = `${n.fn.name}/${n.fn.params.length}`;
    map.set(key, { k: 'func', key, def: n.fn, up: null });
    n = n.rest;
  }
  preludes.set(extra, map);
  return map;
}

/** Dialect lets yq reuse this interpreter with its own parser options, builtins and equality. */
export interface Dialect {
  yq?: boolean;
  /** jq-language definitions added to (and overriding) jq's builtins */
  prelude?: string;
  natives?: Record<string, Native>;
}

export interface CompileError {
  message: string;
  pos: number;
}

/** formatCompileErrors renders errors the way jq 1.6 does, pointing at the program line. */
export function formatCompileErrors(src: string, errs: CompileError[]): string {
  let out = '';
  for (const e of errs) {
    const lineStart = src.lastIndexOf('\n', e.pos - 1) + 1;
    const nl = src.indexOf('\n', lineStart);
    const lineText = nl < 0 ? src.slice(lineStart) : src.slice(lineStart, nl + 1);
    const lineNo = src.slice(0, lineStart).split('\n').length;
    out += `jq: error: ${e.message} at <top-level>, line ${lineNo}:\n${lineText}${' '.repeat(Math.max(0, e.pos - lineStart))}\n`;
  }
  out += `jq: ${errs.length} compile ${errs.length === 1 ? 'error' : 'errors'}\n`;
  return out;
}

export class Interp {
  readonly ev: Evaluator;
  private globals = new Map<string, Value>();

  constructor(
    readonly io: NativeIO,
    /** yq v4's dialect: its grammar additions, builtins, and `==` matching `*` wildcards */
    readonly dialect: Dialect = {},
    maxSteps = 5_000_000,
  ) {
    this.ev = new Evaluator(this, maxSteps);
  }

  setGlobal(name: string, v: Value): void {
    this.globals.set(name, v);
  }

  globalVar(name: string): Value | undefined {
    return this.globals.get(name);
  }

  /** compile parses and checks a program; it returns the tree or jq's compile errors. */
  compile(src: string): { node: Node } | { errors: CompileError[] } {
    let node: Node;
    try {
      node = parseProgram(src, { yq: this.dialect.yq });
    } catch (e) {
      if (e instanceof JqSyntaxError) return { errors: [{ message: e.plain ? e.message : `${e.message} (Unix shell quoting issues?)`, pos: e.pos }, ...e.extra] };
      throw e;
    }
    const errors: CompileError[] = [];
    this.check(node, { funcs: new Set(), vars: new Set(this.globals.keys()), labels: new Set() }, errors);
    return errors.length ? { errors } : { node };
  }

  *run(node: Node, input: Value): Generator<Value> {
    this.ev.steps = 0;
    yield* this.ev.values(node, input, null);
  }

  preludeFunc(key: string): FuncScope | undefined {
    return preludeOf(this.dialect.prelude ?? '', !!this.dialect.yq).get(key);
  }

  *native(name: string, args: Node[], cur: Out, sc: Scope | null): Generator<Out> {
    const key = `${name}/${args.length}`;
    const f = this.dialect.natives?.[key] ?? NATIVES[key];
    if (!f) throw new JqError(`${name}/${args.length} is not defined`);
    yield* f({ ev: this.ev, args, cur, sc, io: this.io });
  }

  format(name: string, v: Value): string {
    return applyFormat(name, v);
  }

  tojson(v: Value): string {
    return toJSON(v);
  }

  private known(key: string, st: Static): boolean {
    return st.funcs.has(key) || this.preludeFunc(key) !== undefined || key in NATIVES || (this.dialect.natives !== undefined && key in this.dialect.natives);
  }

  /** check reports undefined functions, variables and labels, as jq's compiler does. */
  private check(n: Node, st: Static, errs: CompileError[]): void {
    const sub = (x: Node | undefined, s: Static = st): void => {
      if (x) this.check(x, s, errs);
    };
    switch (n.t) {
      case 'identity':
      case 'recurse':
      case 'literal':
      case 'format':
        return;
      case 'index':
        sub(n.target);
        sub(n.key);
        return;
      case 'slice':
        sub(n.target);
        sub(n.from);
        sub(n.to);
        return;
      case 'iterate':
        sub(n.target);
        return;
      case 'try':
        sub(n.body);
        sub(n.handler);
        return;
      case 'string':
        for (const p of n.parts) if (typeof p !== 'string') sub(p);
        return;
      case 'array':
        sub(n.body);
        return;
      case 'object':
        for (const e of n.entries) {
          sub(e.key);
          sub(e.value);
        }
        return;
      case 'neg':
        sub(n.body);
        return;
      case 'binop':
        // jq folds constant arithmetic while compiling, and refuses a constant zero divisor there
        if (n.left.t === 'literal' && n.right.t === 'literal' && typeof n.left.value === 'number' && n.right.value === 0) {
          if (n.op === '/') errs.push({ message: 'Division by zero?', pos: n.pos ?? 0 });
          if (n.op === '%') errs.push({ message: 'Remainder by zero?', pos: n.pos ?? 0 });
        }
        sub(n.left);
        sub(n.right);
        return;
      case 'pipe':
      case 'comma':
      case 'and':
      case 'or':
      case 'alt':
      case 'assign':
        sub(n.left);
        sub(n.right);
        return;
      case 'if':
        sub(n.cond);
        sub(n.then);
        sub(n.otherwise);
        return;
      case 'reduce':
      case 'foreach': {
        sub(n.source);
        sub(n.init);
        const inner = this.bindStatic(n.pattern, st, errs);
        sub(n.update, inner);
        if (n.t === 'foreach') sub(n.extract, inner);
        return;
      }
      case 'as':
        sub(n.source);
        sub(n.body, this.bindStatic(n.pattern, st, errs));
        return;
      case 'def': {
        const key = `${n.fn.name}/${n.fn.params.length}`;
        const withSelf: Static = { ...st, funcs: new Set([...st.funcs, key]) };
        const body: Static = { ...withSelf, funcs: new Set(withSelf.funcs), vars: new Set(st.vars) };
        for (const p of n.fn.params) {
          const name = p.startsWith('$') ? p.slice(1) : p;
          body.funcs.add(`${name}/0`);
          if (p.startsWith('$')) body.vars.add(name);
        }
        sub(n.fn.body, body);
        sub(n.rest, withSelf);
        return;
      }
      case 'call': {
        const key = `${n.name}/${n.args.length}`;
        if (!this.known(key, st)) errs.push({ message: `${key} is not defined`, pos: n.pos });
        for (const a of n.args) sub(a);
        return;
      }
      case 'var':
        if (n.name !== '__loc__' && n.name !== 'ENV' && !st.vars.has(n.name)) errs.push({ message: `$${n.name} is not defined`, pos: n.pos });
        return;
      case 'label':
        sub(n.body, { ...st, labels: new Set([...st.labels, n.name]) });
        return;
      case 'break':
        if (!st.labels.has(n.name)) errs.push({ message: `$*label-${n.name} is not defined`, pos: n.pos });
        return;
    }
  }

  private bindStatic(p: Pattern, st: Static, errs: CompileError[]): Static {
    const vars = new Set(st.vars);
    const walk = (q: Pattern): void => {
      if (q.t === 'pvar') vars.add(q.name);
      else if (q.t === 'parray') q.elems.forEach(walk);
      else
        for (const e of q.entries) {
          this.check(e.key, { ...st, vars }, errs);
          if (e.keyVar) vars.add(e.keyVar);
          if (e.value) walk(e.value);
        }
    };
    walk(p);
    return { ...st, vars };
  }
}

interface Static {
  funcs: Set<string>;
  vars: Set<string>;
  labels: Set<string>;
}
