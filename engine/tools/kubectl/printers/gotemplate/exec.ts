import { FUNCS, locate, MISSING, printValue, TemplateExecError, truth, type Val } from './funcs.ts';
import { parseTemplate, type Arg, type Pipe, type TNode } from './parse.ts';

/**
 * GoTemplate executes a parsed template over a decoded JSON value with
 * text/template's semantics as kubectl configures it: missing map keys give
 * "<no value>" (or, with allowMissingKeys false, the error "map has no entry
 * for key"), maps range in key order.
 */
export class GoTemplate {
  private readonly nodes: TNode[];

  constructor(
    readonly source: string,
    readonly allowMissingKeys = true,
  ) {
    this.nodes = parseTemplate(source);
  }

  execute(data: Val): string {
    const out: string[] = [];
    const vars: [string, Val][] = [['$', data]];
    this.walk(this.nodes, data, vars, out);
    return out.join('');
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
          if (n.pipe.decl.length === 0) out.push(printValue(v));
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
      const fn = FUNCS[head.name];
      if (!fn) throw new TemplateExecError(`function "${head.name}" not defined`);
      const vals = args.slice(1).map((a) => this.arg(a, dot, vars));
      if (piped) vals.push(piped.value);
      return fn(vals.map((x) => (x === MISSING ? null : x)));
    }
    if (args.length > 1 || piped) {
      if (head.t === 'field' || head.t === 'var') throw new TemplateExecError(`can't give argument to non-function ${head.t === 'field' ? '.' + head.chain.join('.') : head.name}`);
      throw new TemplateExecError(`can't give argument to non-function ${printValue(this.arg(head, dot, vars))}`);
    }
    return this.arg(head, dot, vars);
  }

  private arg(a: Arg, dot: Val, vars: [string, Val][]): Val {
    switch (a.t) {
      case 'dot':
        return dot;
      case 'field':
        return locate(a.pos, a.text, () => this.chain(dot, a.chain));
      case 'var': {
        const slot = [...vars].reverse().find(([name]) => name === a.name);
        if (!slot) throw new TemplateExecError(`undefined variable: ${a.name}`);
        return locate(a.pos, a.text, () => this.chain(slot[1], a.chain));
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

  private chain(v: Val, chain: string[]): Val {
    let cur = v;
    for (const key of chain) {
      if (cur === MISSING) return MISSING;
      if (cur === null || cur === undefined) throw new TemplateExecError(`nil pointer evaluating interface {}.${key}`);
      if (typeof cur !== 'object' || Array.isArray(cur)) throw new TemplateExecError(`can't evaluate field ${key} in type ${Array.isArray(cur) ? '[]interface {}' : typeof cur === 'string' ? 'string' : typeof cur === 'boolean' ? 'bool' : Number.isInteger(cur) ? 'int64' : 'float64'}`);
      const m = cur as Record<string, Val>;
      if (Object.prototype.hasOwnProperty.call(m, key)) cur = m[key];
      else if (this.allowMissingKeys) cur = MISSING;
      else throw new TemplateExecError(`map has no entry for key "${key}"`);
    }
    return cur;
  }
}
