import { ShellError } from './errors.ts';

/** VarValue is a scalar, an indexed array or an associative array. */
export type VarValue = string | string[] | Map<string, string>;

/** Var is one shell variable with its attributes. */
export interface Var {
  value: VarValue;
  exported: boolean;
  readonly: boolean;
  integer?: boolean;
}

/** FuncDef is a defined shell function. */
export interface FuncDef {
  body: import('../parser/ast.ts').Stmt;
  src: string;
}

/** ShellOptions are the `set -o` options the interpreter honours. */
export interface ShellOptions {
  errexit: boolean;
  xtrace: boolean;
  pipefail: boolean;
  nounset: boolean;
  noglob: boolean;
  noclobber: boolean;
  allexport: boolean;
}

/** Job is a background command. */
export interface Job {
  id: number;
  pid: number;
  src: string;
  done: boolean;
  code: number;
  promise: Promise<number>;
  reported: boolean;
  /** raising it stops the job (kill %n) */
  signal?: { raise(code?: number): void; readonly interrupted?: boolean };
}

/**
 * ShellState is everything a shell remembers between commands: variables
 * (with `local` scopes), functions, aliases, options, positional
 * parameters, the working directory, history and jobs. A subshell runs on a
 * clone, so its changes vanish when it ends.
 */
export class ShellState {
  vars = new Map<string, Var>();
  /** saved outer variables, one map per active function call, restored on return */
  scopes: Array<Map<string, Var | undefined>> = [];
  functions = new Map<string, FuncDef>();
  aliases = new Map<string, string>();
  positional: string[] = [];
  arg0 = 'bash';
  opts: ShellOptions = { errexit: false, xtrace: false, pipefail: false, nounset: false, noglob: false, noclobber: false, allexport: false };
  shopt = new Set<string>(['checkwinsize', 'cmdhist', 'complete_fullquote', 'extquote', 'force_fignore', 'globasciiranges', 'histappend', 'hostcomplete', 'interactive_comments', 'progcomp', 'promptvars', 'sourcepath']);
  interactive = false;
  login = false;
  status = 0;
  lastBgPid = 0;
  pid = 0;
  cwd = '/';
  history: string[] = [];
  jobs: Job[] = [];
  umask = 0o022;
  traps = new Map<string, string>();
  completions = new Map<string, string>();
  /** dynamic supplies computed variables (RANDOM, SECONDS, LINENO…) */
  dynamic: (name: string) => string | undefined = () => undefined;
  /** depth of function calls (FUNCNAME, return outside a function) */
  funcDepth = 0;
  /** depth of `source`d files (return is allowed there too) */
  sourceDepth = 0;
  /** nesting of loops (break/continue outside a loop) */
  loopDepth = 0;

  /** getVar returns the variable record. */
  getVar(name: string): Var | undefined {
    return this.vars.get(name);
  }

  /** get returns a scalar value (element 0 of an array), or undefined when unset. */
  get(name: string): string | undefined {
    const v = this.vars.get(name);
    if (!v) return this.dynamic(name);
    return scalarOf(v.value);
  }

  /** set assigns a scalar, keeping attributes; readonly variables refuse. */
  set(name: string, value: string, opts: { export?: boolean; append?: boolean } = {}): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`${name}: readonly variable`, 1, true);
    if (v) {
      if (opts.append) value = (scalarOf(v.value) ?? '') + value;
      if (Array.isArray(v.value)) {
        v.value = [...v.value];
        v.value[0] = value;
      } else if (v.value instanceof Map) v.value = new Map(v.value).set('0', value);
      else v.value = value;
      if (opts.export) v.exported = true;
    } else this.vars.set(name, { value, exported: opts.export === true || this.opts.allexport, readonly: false });
  }

  /** setValue stores any value kind (arrays from `a=(…)`). */
  setValue(name: string, value: VarValue, opts: { export?: boolean } = {}): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`${name}: readonly variable`, 1, true);
    if (v) {
      v.value = value;
      if (opts.export) v.exported = true;
    } else this.vars.set(name, { value, exported: opts.export === true, readonly: false });
  }

  /** unset removes a variable (readonly ones refuse). */
  unset(name: string): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`${name}: cannot unset: readonly variable`);
    this.vars.delete(name);
  }

  /** declareLocal makes name local to the innermost function call. */
  declareLocal(name: string): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope) return;
    if (!scope.has(name)) {
      const old = this.vars.get(name);
      scope.set(name, old ? { ...old } : undefined);
      if (old) this.vars.set(name, { value: '', exported: old.exported, readonly: false });
    }
  }

  /** pushScope starts a function call. */
  pushScope(): void {
    this.scopes.push(new Map());
  }

  /** popScope ends a function call, restoring variables its locals shadowed. */
  popScope(): void {
    const scope = this.scopes.pop();
    if (!scope) return;
    for (const [name, old] of scope) {
      if (old) this.vars.set(name, old);
      else this.vars.delete(name);
    }
  }

  /** exportedEnv is the environment handed to programs. */
  exportedEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported && typeof v.value === 'string') env[k] = v.value;
    return env;
  }

  /** clone copies the state for a subshell. */
  clone(): ShellState {
    const s = new ShellState();
    for (const [k, v] of this.vars) s.vars.set(k, { ...v, value: copyValue(v.value) });
    s.scopes = this.scopes.map((m) => new Map(m));
    s.functions = new Map(this.functions);
    s.aliases = new Map(this.aliases);
    s.positional = [...this.positional];
    s.arg0 = this.arg0;
    s.opts = { ...this.opts };
    s.shopt = new Set(this.shopt);
    s.interactive = this.interactive;
    s.login = this.login;
    s.status = this.status;
    s.lastBgPid = this.lastBgPid;
    s.pid = this.pid;
    s.cwd = this.cwd;
    s.history = this.history;
    s.jobs = [];
    s.umask = this.umask;
    s.traps = new Map();
    s.completions = this.completions;
    s.dynamic = this.dynamic;
    s.funcDepth = this.funcDepth;
    s.sourceDepth = this.sourceDepth;
    s.loopDepth = this.loopDepth;
    return s;
  }
}

/** scalarOf reads a value as a scalar (element 0 of an array). */
export function scalarOf(v: VarValue): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v[0];
  return v.get('0');
}

function copyValue(v: VarValue): VarValue {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return [...v];
  return new Map(v);
}

/** isName tells whether s is a valid variable name. */
export function isName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}
