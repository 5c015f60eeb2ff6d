import { FUNCS, locate, MISSING, printValue, TemplateExecError, truth, type Val } from './funcs.ts';
import { parseTemplate, type Arg, type Defined, type Pipe, type TNode } from './parse.ts';

/** GoTemplateOptions extend the template the way a program's FuncMap and Option calls do. */
export interface GoTemplateOptions {
  /** name is the template's name (in parse errors and as the file of its definitions); default "output" */
  name?: string;
  /** funcs are extra functions (a FuncMap); they take precedence over the built-in ones */
  funcs?: Record<string, (args: Val[]) => Val>;
  /** defines holds the named templates of a set of templates parsed together */
  defines?: Map<string, Defined>;
  /** missingZero is Option("missingkey=zero"): a missing key is nil, so a field of it fails as a nil pointer */
  missingZero?: boolean;
}

/** ExecContext names the template an execution error happened in (Go's "executing \"name\""). */
export interface ExecContext {
  /** exec is the name of the template being executed, file and source the text its nodes came from */
  exec: string;
  file: string;
  source: string;
}

/** MAX_DEPTH bounds {{template}} nesting (Go's maxExecDepth, lower so the JS stack holds). */
const MAX_DEPTH = 1000;

/**
 * GoTemplate executes a parsed template over a decoded JSON value with
 * text/template's semantics as kubectl configures it: missing map keys give
 * "<no value>" (or, with allowMissingKeys false, the error "map has no entry
 * for key"), maps range in key order.
 */
export class GoTemplate {
  private readonly nodes: TNode[];
  /** defines are the named templates this template can call with {{template}} */
  readonly defines: Map<string, Defined>;
  private depth = 0;

  constructor(
    readonly source: string,
    readonly allowMissingKeys = true,
    readonly opts: GoTemplateOptions = {},
  ) {
    this.defines = opts.defines ?? new Map();
    this.nodes = parseTemplate(source, opts.name ?? 'output', this.defines);
  }

  execute(data: Val): string {
    return this.run(this.nodes, data, { exec: this.opts.name ?? 'output', file: this.opts.name ?? 'output', source: this.source });
  }

  /** executeNamed runs the named template with data as dot (what helm's include does). */
  executeNamed(name: string, data: Val): string {
    const d = this.defines.get(name);
    if (!d) throw new TemplateExecError(`no template ${JSON.stringify(name)} associated with template ${JSON.stringify(this.opts.name ?? 'output')}`);
    return this.run(d.nodes, data, { exec: name, file: d.file, source: d.source });
  }

  private run(nodes: TNode[], data: Val, ctx: ExecContext): string {
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      throw new TemplateExecError(`exceeded maximum template depth (${MAX_DEPTH})`);
    }
    try {
      const out: string[] = [];
      this.walk(nodes, data, [['$', data]], out);
      return out.join('');
    } catch (e) {
      if (e instanceof TemplateExecError && !(e as { ctx?: ExecContext }).ctx) (e as { ctx?: ExecContext }).ctx = ctx;
      throw e;
    } finally {
      this.depth = Math.max(0, this.depth - 1);
    }
  }

  private walk(nodes: TNode[], dot: Val, vars: [string, Val][], out: string[]): void {
    const mark = vars.length;
    for (const n of nodes) {
      switch (n.t) {
        case 'text':
          out.push(n.text);
          break;
        case 'action': {
          const v = this.pipe(n.pipe, dot, vars);
          // Go turns a nil interface result into an invalid value before printing it: "<no value>", not "<nil>".
          if (n.pipe.decl.length === 0) out.push(printValue(v === null || v === undefined ? MISSING : v));
          break;
        }
        case 'template': {
          // Go passes a nil or missing argument (and no argument) as an invalid value: "<no value>", and fields of it are missing.
          const arg = n.pipe ? this.pipe(n.pipe, dot, vars) : MISSING;
          const d = this.defines.get(n.name);
          if (!d) throw new TemplateExecError(`template ${JSON.stringify(n.name)} not defined`);
          out.push(this.run(d.nodes, arg === null || arg === undefined ? MISSING : arg, { exec: n.name, file: d.file, source: d.source }));
          break;
        }
        case 'if':
        case 'with': {
          const inner = vars.length;
          const v = this.pipe(n.pipe, dot, vars);
          if (truth(v)) this.walk(n.body, n.t === 'with' ? v : dot, vars, out);
          else if (n.else) this.walk(n.else, dot, vars, out);
          vars.length = inner;
          break;
        }
        case 'range': {
          const inner = vars.length;
          const decl = n.pipe.decl;
          const v = this.pipe({ ...n.pipe, decl: [] }, dot, vars);
          const entries: [Val, Val][] = [];
          if (Array.isArray(v)) v.forEach((x, i) => entries.push([i, x]));
          else if (v && typeof v === 'object') for (const k of Object.keys(v as object).sort()) entries.push([k, (v as Record<string, Val>)[k]]);
          else if (typeof v === 'number' && Number.isInteger(v)) for (let i = 0; i < v; i++) entries.push([i, i]);
          else if (v !== MISSING && v !== null && v !== undefined) throw new TemplateExecError(`range can't iterate over ${printValue(v)}`);
          if (entries.length === 0) {
            if (n.else) this.walk(n.else, dot, vars, out);
          }
          for (const [k, x] of entries) {
            const at = vars.length;
            if (decl.length === 1) vars.push([decl[0]!, x]);
            else if (decl.length === 2) vars.push([decl[0]!, k], [decl[1]!, x]);
            this.walk(n.body, x, vars, out);
            vars.length = at;
          }
          vars.length = inner;
          break;
        }
      }
    }
    vars.length = mark;
  }

  private pipe(p: Pipe, dot: Val, vars: [string, Val][]): Val {
    let v: Val = MISSING;
    let first = true;
    for (const cmd of p.cmds) {
      const piped = first ? undefined : { value: v };
      v = locate(cmd.pos, cmd.text, () => this.command(cmd.args, dot, vars, piped));
      first = false;
    }
    if (p.decl.length) {
      if (p.assign) {
        const slot = [...vars].reverse().find(([name]) => name === p.decl[0]);
        if (!slot) throw new TemplateExecError(`undefined variable: ${p.decl[0]}`);
        slot[1] = v;
      } else vars.push([p.decl[0]!, v]);
    }
    return v;
  }

  private command(args: Arg[], dot: Val, vars: [string, Val][], piped?: { value: Val }): Val {
    const head = args[0]!;
    if (head.t === 'ident') {
      const fn = this.opts.funcs?.[head.name] ?? FUNCS[head.name];
      if (!fn) throw new TemplateExecError(`function "${head.name}" not defined`);
      if ((head.name === 'and' || head.name === 'or') && !this.opts.funcs?.[head.name]) {
        // Go 1.18+ evaluates and/or arguments only until the result is known.
        const rest = args.slice(1);
        let v: Val = null;
        for (let i = 0; i < rest.length + (piped ? 1 : 0); i++) {
          v = i < rest.length ? this.arg(rest[i]!, dot, vars) : piped!.value;
          if (v === MISSING) v = null;
          if (truth(v) === (head.name === 'or')) return v;
        }
        return v;
      }
      const vals = args.slice(1).map((a) => this.arg(a, dot, vars));
      if (piped) vals.push(piped.value);
      return fn(vals.map((x) => (x === MISSING ? null : x)));
    }
    if (args.length > 1 || piped) {
      const method = head.t === 'field' || head.t === 'var' ? this.arg(head, dot, vars, true) : undefined;
      if (typeof method === 'function') {
        // a method of a value the program provides (helm's .Files.Get, .Capabilities.APIVersions.Has)
        const vals = args.slice(1).map((a) => this.arg(a, dot, vars));
        if (piped) vals.push(piped.value);
        return (method as (a: Val[]) => Val)(vals.map((x) => (x === MISSING ? null : x)));
      }
      if (head.t === 'field' || head.t === 'var') throw new TemplateExecError(`can't give argument to non-function ${head.t === 'field' ? '.' + head.chain.join('.') : head.name}`);
      throw new TemplateExecError(`can't give argument to non-function ${printValue(this.arg(head, dot, vars))}`);
    }
    return this.arg(head, dot, vars);
  }

  private arg(a: Arg, dot: Val, vars: [string, Val][], raw = false): Val {
    switch (a.t) {
      case 'dot':
        return dot;
      case 'field':
        return locate(a.pos, a.text, () => this.chain(dot, a.chain, raw));
      case 'var': {
        const slot = [...vars].reverse().find(([name]) => name === a.name);
        if (!slot) throw new TemplateExecError(`undefined variable: ${a.name}`);
        return locate(a.pos, a.text, () => this.chain(slot[1], a.chain, raw));
      }
      case 'string':
      case 'number':
      case 'bool':
        return a.value;
      case 'nil':
        return null;
      case 'ident':
        return this.command([a], dot, vars);
      case 'pipe':
        return this.chain(this.pipe(a.pipe, dot, vars), a.chain);
    }
  }

  /** chain follows fields; a function met on the way is a niladic method and is called (raw leaves the last one uncalled). */
  private chain(v: Val, chain: string[], raw = false): Val {
    let cur = v;
    for (const [i, key] of chain.entries()) {
      if (typeof cur === 'function') cur = (cur as (a: Val[]) => Val)([]);
      if (cur === MISSING) return MISSING;
      if (cur === null || cur === undefined) throw new TemplateExecError(`nil pointer evaluating interface {}.${key}`);
      // Go names the static type: every value decoded from JSON or YAML sits in an interface {} (a map's or list's element).
      if (typeof cur !== 'object' || Array.isArray(cur)) throw new TemplateExecError(`can't evaluate field ${key} in type interface {}`);
      const m = cur as Record<string, Val>;
      if (Object.prototype.hasOwnProperty.call(m, key)) cur = m[key];
      else if (this.opts.missingZero) cur = null;
      else if (this.allowMissingKeys) cur = MISSING;
      else throw new TemplateExecError(`map has no entry for key "${key}"`);
      if (typeof cur === 'function' && !(raw && i === chain.length - 1)) cur = (cur as (a: Val[]) => Val)([]);
    }
    return cur;
  }
}
