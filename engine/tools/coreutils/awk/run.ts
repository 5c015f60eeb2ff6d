import type { Process } from '../../../host/process.ts';
import { PROGRAM_STEP_LIMIT } from '../lib/step-limit.ts';
import { Collector, StringReader } from '../../../host/streams.ts';
import { posixToJs } from '../lib/regex.ts';
import { formatPrintf } from '../lib/printf.ts';
import { errText, resolve } from '../lib/io.ts';
import type { Expr, Program, Stmt } from './ast.ts';
import { compare, fmtNum, StrNum, toBool, toNum, toStr, type Value } from './value.ts';

class NextSignal {}
class NextFileSignal {}
class ExitSignal {
  constructor(readonly code: number) {}
}
class ReturnSignal {
  constructor(readonly v: Value) {}
}
class LoopSignal {
  constructor(readonly brk: boolean) {}
}
/** AwkRuntimeError is a fatal error while running (division by zero…). */
export class AwkRuntimeError extends Error {}

type Arr = Map<string, Value>;

/** Awk runs a parsed program over input records. */
export class Awk {
  globals = new Map<string, Value | Arr>();
  frames: Array<Map<string, Value | Arr>> = [];
  fields: string[] = [];
  record = '';
  nf = 0;
  private res = new Map<string, RegExp>();
  private outFiles = new Map<string, { kind: '>' | '|'; buf: Collector | null; path?: string }>();
  private readers = new Map<string, string[]>();
  exitCode = 0;
  private input: { next(): Promise<string | null> } | undefined;
  private steps = 0;

  constructor(
    readonly prog: Program,
    readonly p: Process,
  ) {
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', NR: 0, FNR: 0, SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g', RSTART: 0, RLENGTH: -1, FILENAME: '' })) this.globals.set(k, v);
    const env: Arr = new Map();
    for (const [k, v] of Object.entries(p.env)) env.set(k, new StrNum(v));
    this.globals.set('ENVIRON', env);
  }

  regex(src: string): RegExp {
    let re = this.res.get(src);
    if (!re) {
      re = new RegExp(posixToJs(src, true));
      this.res.set(src, re);
    }
    return re;
  }

  private toRe(e: Expr): RegExp {
    return e.k === 're' ? this.regex(e.src) : this.regex(toStr(this.evalSync(e)));
  }

  get(name: string): Value {
    const f = this.frames[this.frames.length - 1];
    const v = f?.has(name) ? f.get(name) : this.globals.get(name);
    if (name === 'NF') return this.nf;
    if (v instanceof Map) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
    return v ?? '';
  }

  set(name: string, v: Value): void {
    const f = this.frames[this.frames.length - 1];
    if (f?.has(name)) f.set(name, v);
    else this.globals.set(name, v);
    if (name === 'NF') this.setNF(toNum(v));
  }

  arr(name: string): Arr {
    const f = this.frames[this.frames.length - 1];
    const scope = f?.has(name) ? f : this.globals;
    let a = scope.get(name);
    if (!(a instanceof Map)) {
      if (a !== undefined && a !== '') throw new AwkRuntimeError(`can't use scalar ${name} as array`);
      a = new Map();
      scope.set(name, a);
    }
    return a;
  }

  setRecord(text: string): void {
    this.record = text;
    const fs = toStr(this.get('FS'));
    if (fs === ' ') this.fields = text.split(/[ \t\n]+/).filter((x) => x !== '');
    else if (text === '') this.fields = [];
    else if (fs.length === 1 && fs !== '\\') this.fields = text.split(fs === '\t' ? '\t' : fs);
    else this.fields = text.split(new RegExp(posixToJs(fs, true)));
    this.nf = this.fields.length;
  }

  private setNF(n: number): void {
    n = Math.max(0, Math.floor(n));
    while (this.fields.length < n) this.fields.push('');
    this.fields.length = n;
    this.nf = n;
    this.rebuild();
  }

  private rebuild(): void {
    this.record = this.fields.join(toStr(this.get('OFS')));
  }

  getField(i: number): Value {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i === 0) return new StrNum(this.record);
    return new StrNum(this.fields[i - 1] ?? '');
  }

  setField(i: number, v: string): void {
    if (i === 0) {
      this.setRecord(v);
      return;
    }
    while (this.fields.length < i) this.fields.push('');
    this.fields[i - 1] = v;
    this.nf = this.fields.length;
    this.rebuild();
  }

  private subKey(subs: Value[]): string {
    return subs.map((s) => toStr(s, toStr(this.get('CONVFMT')))).join(toStr(this.get('SUBSEP')));
  }

  /** evalSync evaluates expressions that cannot block (everything but getline and system). */
  evalSync(e: Expr): Value {
    return this.evaluate(e) as Value;
  }

  async ev(e: Expr): Promise<Value> {
    if (e.k === 'getline') return this.getline(e);
    if (e.k === 'builtin' && (e.name === 'system' || e.name === 'close')) return this.asyncBuiltin(e);
    if (needsAsync(e)) return this.evaluateAsync(e);
    return this.evaluate(e) as Value;
  }

  private async evaluateAsync(e: Expr): Promise<Value> {
    switch (e.k) {
      case 'bin': {
        if (e.op === '&&') return toBool(await this.ev(e.a)) && toBool(await this.ev(e.b)) ? 1 : 0;
        if (e.op === '||') return toBool(await this.ev(e.a)) || toBool(await this.ev(e.b)) ? 1 : 0;
        const a = await this.ev(e.a);
        const b = await this.ev(e.b);
        return this.binary(e.op, a, b, e);
      }
      case 'group':
        return this.ev(e.e);
      case 'un':
        return this.unary(e.op, await this.ev(e.e));
      case 'assign': {
        const v = await this.ev(e.e);
        return this.assign(e.op, e.lv, v);
      }
      case 'cond':
        return toBool(await this.ev(e.c)) ? this.ev(e.a) : this.ev(e.b);
      case 'call':
        return this.call(e.name, e.args);
      default:
        return this.evaluate(e) as Value;
    }
  }

  private binary(op: string, a: Value, b: Value, e: Expr & { k: 'bin' }): Value {
    switch (op) {
      case '': return toStr(a, toStr(this.get('CONVFMT'))) + toStr(b, toStr(this.get('CONVFMT')));
      case '+': return toNum(a) + toNum(b);
      case '-': return toNum(a) - toNum(b);
      case '*': return toNum(a) * toNum(b);
      case '/': return toNum(a) / toNum(b);
      case '%': return toNum(a) % toNum(b);
      case '^': return toNum(a) ** toNum(b);
      case '<': return compare(a, b) < 0 ? 1 : 0;
      case '<=': return compare(a, b) <= 0 ? 1 : 0;
      case '>': return compare(a, b) > 0 ? 1 : 0;
      case '>=': return compare(a, b) >= 0 ? 1 : 0;
      case '==': return compare(a, b) === 0 ? 1 : 0;
      case '!=': return compare(a, b) !== 0 ? 1 : 0;
      case '~': case '!~': {
        const re = e.b.k === 're' ? this.regex(e.b.src) : this.regex(toStr(b));
        return re.test(toStr(a)) === (op === '~') ? 1 : 0;
      }
      default: return 0;
    }
  }

  private unary(op: string, v: Value): Value {
    if (op === '!') return toBool(v) ? 0 : 1;
    if (op === '-') return -toNum(v);
    return toNum(v);
  }

  private assign(op: string, lv: Expr, v: Value): Value {
    let nv: Value = v instanceof StrNum ? v : v;
    if (op !== '=') {
      const cur = toNum(this.evaluate(lv) as Value);
      const r = toNum(v);
      const ops: Record<string, (x: number, y: number) => number> = { '+=': (x, y) => x + y, '-=': (x, y) => x - y, '*=': (x, y) => x * y, '/=': (x, y) => x / y, '%=': (x, y) => x % y, '^=': (x, y) => x ** y };
      nv = ops[op]!(cur, r);
    }
    this.store(lv, nv);
    return nv;
  }

  store(lv: Expr, v: Value): void {
    if (lv.k === 'var') this.set(lv.name, v);
    else if (lv.k === 'idx') this.arr(lv.name).set(this.subKey(lv.subs.map((s) => this.evaluate(s) as Value)), v);
    else if (lv.k === 'field') this.setField(Math.floor(toNum(this.evaluate(lv.e) as Value)), toStr(v, toStr(this.get('CONVFMT'))));
    else if (lv.k === 'group') this.store(lv.e, v);
  }

  evaluate(e: Expr): Value | Promise<Value> {
    switch (e.k) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 're': return this.regex(e.src).test(this.record) ? 1 : 0;
      case 'var': return this.get(e.name);
      case 'idx': {
        const key = this.subKey(e.subs.map((s) => this.evaluate(s) as Value));
        const a = this.arr(e.name);
        if (!a.has(key)) a.set(key, '');
        return a.get(key)!;
      }
      case 'field': return this.getField(Math.floor(toNum(this.evaluate(e.e) as Value)));
      case 'group': return this.evaluate(e.e);
      case 'assign': return this.assign(e.op, e.lv, this.evaluate(e.e) as Value);
      case 'cond': return toBool(this.evaluate(e.c) as Value) ? this.evaluate(e.a) : this.evaluate(e.b);
      case 'bin': {
        if (e.op === '&&') return toBool(this.evaluate(e.a) as Value) && toBool(this.evaluate(e.b) as Value) ? 1 : 0;
        if (e.op === '||') return toBool(this.evaluate(e.a) as Value) || toBool(this.evaluate(e.b) as Value) ? 1 : 0;
        return this.binary(e.op, this.evaluate(e.a) as Value, this.evaluate(e.b) as Value, e);
      }
      case 'un': return this.unary(e.op, this.evaluate(e.e) as Value);
      case 'incdec': {
        const cur = toNum(this.evaluate(e.lv) as Value);
        const nv = e.op === '++' ? cur + 1 : cur - 1;
        this.store(e.lv, nv);
        return e.post ? cur : nv;
      }
      case 'in': return this.arr(e.arr).has(this.subKey(e.subs.map((s) => this.evaluate(s) as Value))) ? 1 : 0;
      case 'builtin': return this.builtin(e.name, e.args);
      case 'call': return this.call(e.name, e.args);
      case 'getline': return this.getline(e);
    }
  }

  private builtin(name: string, args: Expr[]): Value {
    const v = (i: number) => this.evaluate(args[i]!) as Value;
    const s = (i: number) => toStr(v(i), toStr(this.get('CONVFMT')));
    switch (name) {
      case 'length':
        if (args.length === 0) return [...this.record].length;
        if (args[0]!.k === 'var') {
          const cur = this.frames[this.frames.length - 1]?.get(args[0]!.name) ?? this.globals.get(args[0]!.name);
          if (cur instanceof Map) return cur.size;
        }
        return [...s(0)].length;
      case 'substr': {
        const str = [...s(0)];
        const m = Math.round(toNum(v(1)));
        const n = args.length > 2 ? Math.round(toNum(v(2))) : Infinity;
        const start = Math.max(1, m);
        const end = n === Infinity ? str.length + 1 : m + n;
        return str.slice(start - 1, Math.max(start - 1, end - 1)).join('');
      }
      case 'index': return s(0).indexOf(s(1)) + 1;
      case 'split': {
        const str = s(0);
        const arrName = args[1]!.k === 'var' ? args[1]!.name : '';
        const a = this.arr(arrName);
        a.clear();
        let parts: string[];
        const sep = args.length > 2 ? (args[2]!.k === 're' ? args[2]!.src : s(2)) : toStr(this.get('FS'));
        if (sep === ' ') parts = str.split(/[ \t\n]+/).filter((x) => x !== '');
        else if (str === '') parts = [];
        else if (sep.length === 1 && args[2]?.k !== 're') parts = str.split(sep);
        else parts = str.split(this.regex(sep));
        parts.forEach((x, i) => a.set(String(i + 1), new StrNum(x)));
        return parts.length;
      }
      case 'sub': case 'gsub': {
        const re = this.toRe(args[0]!);
        const repl = s(1);
        const target = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
        const cur = toStr(this.evaluate(target) as Value);
        let count = 0;
        const g = new RegExp(re.source, 'g');
        const out = cur.replace(g, (m) => {
          if (name === 'sub' && count > 0) return m;
          count++;
          return repl.replace(/\\\\|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\'));
        });
        if (count > 0) this.store(target, out);
        return count;
      }
      case 'match': {
        const m = this.toRe(args[1]!).exec(s(0));
        this.set('RSTART', m ? m.index + 1 : 0);
        this.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf': return this.sprintf(args.map((a) => this.evaluate(a) as Value));
      case 'tolower': return s(0).toLowerCase();
      case 'toupper': return s(0).toUpperCase();
      case 'int': return Math.trunc(toNum(v(0)));
      case 'sqrt': return Math.sqrt(toNum(v(0)));
      case 'exp': return Math.exp(toNum(v(0)));
      case 'log': return Math.log(toNum(v(0)));
      case 'sin': return Math.sin(toNum(v(0)));
      case 'cos': return Math.cos(toNum(v(0)));
      case 'atan2': return Math.atan2(toNum(v(0)), toNum(v(1)));
      case 'rand': return this.p.sys.runtime.rand.float();
      case 'srand': return 0;
      case 'fflush': return 0;
      default: return 0;
    }
  }

  sprintf(vals: Value[]): string {
    const fmt = toStr(vals[0] ?? '');
    const rest = vals.slice(1);
    let ai = 0;
    let out = '';
    const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/g;
    let last = 0;
    for (let m = re.exec(fmt); m; m = re.exec(fmt)) {
      out += fmt.slice(last, m.index);
      last = re.lastIndex;
      let spec = m[0];
      if (m[2] === '*') spec = spec.replace('*', String(Math.trunc(toNum(rest[ai++] ?? 0))));
      if (m[3] === '*') spec = spec.replace('.*', '.' + String(Math.trunc(toNum(rest[ai++] ?? 0))));
      const c = m[4]!;
      if (c === '%') {
        out += '%';
        continue;
      }
      const arg = rest[ai++] ?? '';
      let text: string;
      if (c === 'c') text = typeof arg === 'number' ? String.fromCharCode(arg) : toStr(arg).slice(0, 1);
      else if ('diouxX'.includes(c)) text = String(Math.trunc(toNum(arg)));
      else if ('eEfgG'.includes(c)) text = String(toNum(arg));
      else text = toStr(arg, toStr(this.get('CONVFMT')));
      out += formatPrintf(spec.replace(/[i]$/, 'd').replace(/c$/, 's'), [text], 'coreutils').out;
    }
    return out + fmt.slice(last);
  }

  private call(name: string, args: Expr[]): Value {
    const f = this.prog.funcs.get(name);
    if (!f) throw new AwkRuntimeError(`function ${name} never defined`);
    const frame = new Map<string, Value | Arr>();
    f.params.forEach((pn, i) => {
      const a = args[i];
      if (!a) frame.set(pn, '');
      else if (a.k === 'var' && (this.globals.get(a.name) instanceof Map || this.frames[this.frames.length - 1]?.get(a.name) instanceof Map)) frame.set(pn, this.arr(a.name));
      else frame.set(pn, this.evaluate(a) as Value);
    });
    if (this.frames.length > 500) throw new AwkRuntimeError('function call nesting too deep');
    this.frames.push(frame);
    try {
      this.execSync(f.body);
      return '';
    } catch (e) {
      if (e instanceof ReturnSignal) return e.v;
      throw e;
    } finally {
      this.frames.pop();
    }
  }

  private execSync(body: Stmt[]): void {
    const r = this.exec(body);
    if (r instanceof Promise) throw new AwkRuntimeError('getline is not supported inside functions');
  }

  /** exec runs statements; it returns a promise only when something had to wait (getline, system, pipes). */
  exec(body: Stmt[]): void | Promise<void> {
    for (let i = 0; i < body.length; i++) {
      const r = this.stmt(body[i]!);
      if (r instanceof Promise) return r.then(() => this.exec(body.slice(i + 1)));
    }
  }

  private stmt(s: Stmt): void | Promise<void> {
    if (++this.steps % 100000 === 0 && (this.p.signal.interrupted || this.steps >= PROGRAM_STEP_LIMIT)) throw new ExitSignal(130);
    switch (s.k) {
      case 'expr':
        if (stmtNeedsAsync(s)) return this.ev(s.e).then(() => undefined);
        this.evaluate(s.e);
        return;
      case 'print': case 'printf': {
        if (s.args.some(needsAsync)) return Promise.all(s.args.map((a) => this.ev(a))).then((vals) => this.output(s, vals));
        return this.output(s, s.args.map((a) => this.evaluate(a) as Value));
      }
      case 'if':
        if (needsAsync(s.c)) return this.ev(s.c).then((v) => (toBool(v) ? this.stmt(s.t) : s.f ? this.stmt(s.f) : undefined));
        return toBool(this.evaluate(s.c) as Value) ? this.stmt(s.t) : s.f ? this.stmt(s.f) : undefined;
      case 'block':
        return this.exec(s.body);
      case 'while':
        if (stmtNeedsAsync(s)) return this.whileAsync(s);
        while (toBool(this.evaluate(s.c) as Value)) if (this.loopBody(s.body) === 'break') break;
        return;
      case 'do':
        do if (this.loopBody(s.body) === 'break') break;
        while (toBool(this.evaluate(s.c) as Value));
        return;
      case 'for':
        if (s.init) this.evaluate(s.init);
        while (!s.c || toBool(this.evaluate(s.c) as Value)) {
          if (this.loopBody(s.body) === 'break') break;
          if (s.step) this.evaluate(s.step);
        }
        return;
      case 'forin': {
        for (const k of [...this.arr(s.arr).keys()]) {
          this.store(s.v, new StrNum(k));
          if (this.loopBody(s.body) === 'break') break;
        }
        return;
      }
      case 'next': throw new NextSignal();
      case 'nextfile': throw new NextFileSignal();
      case 'exit': throw new ExitSignal(s.e ? Math.trunc(toNum(this.evaluate(s.e) as Value)) : this.exitCode);
      case 'return': throw new ReturnSignal(s.e ? (this.evaluate(s.e) as Value) : '');
      case 'break': throw new LoopSignal(true);
      case 'continue': throw new LoopSignal(false);
      case 'delete':
        if (s.subs) this.arr(s.name).delete(this.subKey(s.subs.map((x) => this.evaluate(x) as Value)));
        else this.arr(s.name).clear();
        return;
      case 'getline':
        return this.ev(s.e).then(() => undefined);
    }
  }

  private async whileAsync(s: Stmt & { k: 'while' }): Promise<void> {
    while (toBool(await this.ev(s.c))) {
      try {
        await this.stmt(s.body);
      } catch (e) {
        if (!(e instanceof LoopSignal)) throw e;
        if (e.brk) break;
      }
    }
  }

  private loopBody(b: Stmt): 'break' | undefined {
    try {
      const r = this.stmt(b);
      if (r instanceof Promise) throw new AwkRuntimeError('getline inside this loop is not supported');
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.brk) return 'break';
    }
    return undefined;
  }

  private output(s: Stmt & { k: 'print' | 'printf' }, vals: Value[]): void | Promise<void> {
    let text: string;
    if (s.k === 'print') {
      const ofmt = toStr(this.get('OFMT'));
      text = (vals.length ? vals.map((v) => (typeof v === 'number' ? fmtNum(v, ofmt) : toStr(v))).join(toStr(this.get('OFS'))) : this.record) + toStr(this.get('ORS'));
    } else text = this.sprintf(vals);
    if (!s.redir) {
      this.p.stdout.write(text);
      return;
    }
    const target = toStr(this.evaluate(s.redir.e) as Value);
    let f = this.outFiles.get(target);
    if (!f) {
      if (s.redir.op === '|') f = { kind: '|', buf: new Collector() };
      else {
        const path = target === '/dev/stdout' || target === '-' ? undefined : target === '/dev/stderr' ? undefined : resolve(this.p, target);
        f = { kind: '>', buf: null, path };
        if (path) {
          try {
            if (s.redir.op === '>') this.p.fs.writeFile(path, '');
            else this.p.fs.writeFile(path, '', { append: true });
          } catch (e) {
            throw new AwkRuntimeError(`cannot open "${target}" for output (${errText(e)})`);
          }
        }
      }
      this.outFiles.set(target, f);
    }
    if (f.kind === '|') f.buf!.write(text);
    else if (f.path) this.p.fs.writeFile(f.path, text, { append: true });
    else if (target === '/dev/stderr') this.p.stderr.write(text);
    else this.p.stdout.write(text);
  }

  private async asyncBuiltin(e: Expr & { k: 'builtin' }): Promise<Value> {
    const arg = e.args[0] ? toStr(await this.ev(e.args[0])) : '';
    if (e.name === 'close') return this.close(arg);
    return this.runCommand(arg, '', this.p.stdout);
  }

  async close(name: string): Promise<number> {
    const f = this.outFiles.get(name);
    this.readers.delete(name);
    if (!f) return -1;
    this.outFiles.delete(name);
    if (f.kind === '|') return this.runCommand(name, f.buf!.text, this.p.stdout);
    return 0;
  }

  async closeAll(): Promise<void> {
    for (const name of [...this.outFiles.keys()]) await this.close(name);
  }

  private async runCommand(cmd: string, input: string, out: { write(s: string): void; isTTY: boolean }): Promise<number> {
    const exec = this.p.sys.session.exec;
    if (!exec) return 127;
    return exec({ host: this.p.hostname, user: this.p.user.name, command: cmd, inheritEnv: this.p.env, cwd: this.p.cwd, stdin: new StringReader(input), stdout: out, stderr: this.p.stderr, signal: this.p.signal });
  }

  setInput(src: { next(): Promise<string | null> }): void {
    this.input = src;
  }

  private async getline(e: Expr & { k: 'getline' }): Promise<Value> {
    let line: string | null;
    if (e.cmd || e.file) {
      const key = toStr(await this.ev((e.cmd ?? e.file)!));
      let lines = this.readers.get(key);
      if (!lines) {
        if (e.cmd) {
          const out = new Collector();
          await this.runCommand(key, '', out);
          lines = out.text === '' ? [] : out.text.replace(/\n$/, '').split('\n');
        } else {
          try {
            const text = key === '-' || key === '/dev/stdin' ? '' : this.p.fs.readFile(resolve(this.p, key));
            lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
          } catch {
            return -1;
          }
        }
        this.readers.set(key, lines);
      }
      line = lines.length ? lines.shift()! : null;
      if (line === null) return 0;
      if (e.lv) this.store(e.lv, new StrNum(line));
      else {
        this.setRecord(line);
        this.set('NR', toNum(this.get('NR')) + 1);
      }
      return 1;
    }
    line = this.input ? await this.input.next() : null;
    if (line === null) return 0;
    this.set('NR', toNum(this.get('NR')) + 1);
    this.set('FNR', toNum(this.get('FNR')) + 1);
    if (e.lv) this.store(e.lv, new StrNum(line));
    else this.setRecord(line);
    return 1;
  }

  static signals = { NextSignal, NextFileSignal, ExitSignal };
}

/** needsAsync tells whether evaluating e may wait (getline, system(), close()). */
export function needsAsync(e: Expr): boolean {
  switch (e.k) {
    case 'getline': return true;
    case 'builtin': return e.name === 'system' || e.name === 'close' || e.args.some(needsAsync);
    case 'bin': return needsAsync(e.a) || needsAsync(e.b);
    case 'un': case 'group': return needsAsync(e.e);
    case 'assign': return needsAsync(e.e);
    case 'cond': return needsAsync(e.c) || needsAsync(e.a) || needsAsync(e.b);
    case 'call': return e.args.some(needsAsync);
    default: return false;
  }
}

function stmtNeedsAsync(s: Stmt): boolean {
  if (s.k === 'expr') return needsAsync(s.e);
  if (s.k === 'while') return needsAsync(s.c) || stmtNeedsAsync(s.body);
  if (s.k === 'block') return s.body.some(stmtNeedsAsync);
  if (s.k === 'if') return needsAsync(s.c) || stmtNeedsAsync(s.t) || (s.f ? stmtNeedsAsync(s.f) : false);
  if (s.k === 'print' || s.k === 'printf') return s.args.some(needsAsync);
  return s.k === 'getline';
}
