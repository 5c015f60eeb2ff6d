import type { Assign, Command } from '../parser/ast.ts';
import { ShellError } from './errors.ts';
import { Expander } from './expand.ts';
import type { Interp } from './interp.ts';
import { isName, type Var, type VarValue } from './state.ts';
import type { Io } from './types.ts';

/** AssignOpts are the attributes a declaration adds. */
interface AssignOpts {
  export?: boolean;
  readonly?: boolean;
  assoc?: boolean;
  array?: boolean;
  local?: boolean;
  integer?: boolean;
}

/** assignOne performs NAME=value, NAME+=value, NAME[i]=value or NAME=(…). */
export async function assignOne(sh: Interp, a: Assign, ex: Expander, o: AssignOpts): Promise<void> {
  const st = sh.state;
  if (!isName(a.name)) throw new ShellError(`\`${a.name}': not a valid identifier`);
  if (o.local) st.declareLocal(a.name);
  const cur = st.getVar(a.name);
  if (cur?.readonly) throw new ShellError(`${a.name}: readonly variable`, 1, true);
  if (a.array) {
    const assoc = o.assoc || cur?.value instanceof Map;
    let value: VarValue;
    if (assoc) {
      const m = a.append && cur?.value instanceof Map ? new Map(cur.value) : new Map<string, string>();
      for (const e of a.array) m.set(e.index ? await ex.string(e.index) : '', await ex.string(e.value));
      value = m;
    } else {
      const arr: string[] = a.append && Array.isArray(cur?.value) ? [...cur.value] : a.append && typeof cur?.value === 'string' ? [cur.value] : [];
      let i = arr.length;
      for (const e of a.array) {
        if (e.index) i = Number(await ex.arith({ t: 'word', w: e.index }));
        const vals = await ex.fields([e.value]);
        for (const v of vals) arr[i++] = v;
      }
      value = arr;
    }
    st.setValue(a.name, value, { export: o.export });
  } else if (a.index) {
    const v = a.value ? await ex.string(a.value, { assign: true }) : '';
    if (cur?.value instanceof Map || o.assoc) {
      const m = cur?.value instanceof Map ? new Map(cur.value) : new Map<string, string>();
      const key = a.index.t === 'word' ? await ex.string(a.index.w) : String(await ex.arith(a.index));
      m.set(key, a.append ? (m.get(key) ?? '') + v : v);
      st.setValue(a.name, m);
    } else {
      const arr = Array.isArray(cur?.value) ? [...cur.value] : typeof cur?.value === 'string' ? [cur.value] : [];
      let i = Number(await ex.arith(a.index));
      if (i < 0) i += arr.length;
      if (i < 0) throw new ShellError(`${a.name}[${i}]: bad array subscript`);
      arr[i] = a.append ? (arr[i] ?? '') + v : v;
      st.setValue(a.name, arr);
    }
  } else if (a.value || !a.naked) {
    let v = a.value ? await ex.string(a.value, { assign: true }) : '';
    if (o.integer || cur?.integer) {
      const parsed = await sh.parseArith(v || '0');
      v = String(parsed ? await ex.arith(parsed) : 0n);
      if (a.append) v = String(BigInt(v) + BigInt(cur && typeof cur.value === 'string' && /^-?\d+$/.test(cur.value) ? cur.value : '0'));
      st.set(a.name, v, { export: o.export });
    } else st.set(a.name, v, { export: o.export, append: a.append });
  } else if (o.assoc || o.array) {
    if (!cur) st.setValue(a.name, o.assoc ? new Map() : []);
  }
  const rec = st.getVar(a.name);
  if (rec) {
    if (o.export) rec.exported = true;
    if (o.readonly) rec.readonly = true;
    if (o.integer) rec.integer = true;
  } else if (o.export || o.readonly) {
    // `export X` of an unset name marks it for export once it gets a value
    st.vars.set(a.name, { value: '', exported: !!o.export, readonly: !!o.readonly, unsetMarker: true } as Var & { unsetMarker: boolean });
  }
}

/** assignAll runs the assignments of a command without arguments (they stay in the shell). */
export async function assignAll(sh: Interp, assigns: Assign[], ex: Expander, o: AssignOpts): Promise<void> {
  for (const a of assigns) await assignOne(sh, a, ex, o);
}

/** declareLine prints a variable the way `declare -p` does. */
export function declareLine(name: string, v: Var): string {
  let flags = '';
  if (Array.isArray(v.value)) flags += 'a';
  if (v.value instanceof Map) flags += 'A';
  if (v.integer) flags += 'i';
  if (v.readonly) flags += 'r';
  if (v.exported) flags += 'x';
  const f = flags === '' ? '--' : '-' + flags;
  const q = (s: string) => '"' + s.replace(/(["\\$`])/g, '\\$1') + '"';
  if (Array.isArray(v.value)) return `declare ${f} ${name}=(${v.value.map((x, i) => (x === undefined ? '' : `[${i}]=${q(x)}`)).filter((x) => x).join(' ')})`;
  if (v.value instanceof Map) return `declare ${f} ${name}=(${[...v.value].map(([k, x]) => `[${k}]=${q(x)} `).join('')})`;
  if ((v as Var & { unsetMarker?: boolean }).unsetMarker) return `declare ${f} ${name}`;
  return `declare ${f} ${name}=${q(v.value)}`;
}

/** runDecl runs declare/typeset/local/export/readonly written with their assignment syntax. */
export async function runDecl(sh: Interp, c: Command & { t: 'decl' }, io: Io): Promise<number> {
  const ex = new Expander(sh, io);
  const st = sh.state;
  const variant = c.variant;
  const opts: AssignOpts = { export: variant === 'export', readonly: variant === 'readonly', local: variant === 'local' };
  if (variant === 'local' && st.funcDepth === 0) {
    io.stderr.write(`${sh.errPrefix()}local: can only be used in a function\n`);
    return 1;
  }
  if ((variant === 'declare' || variant === 'typeset') && st.funcDepth > 0) opts.local = true;
  let print = false;
  let unexport = false;
  let funcs = false;
  const names: Assign[] = [];
  let code = 0;
  for (const a of c.args) {
    if (a.naked && !a.name && a.value) {
      const word = await ex.string(a.value);
      if (/^[-+][a-zA-Z]+$/.test(word)) {
        const on = word[0] === '-';
        for (const fl of word.slice(1)) {
          if (fl === 'x') opts.export = on;
          else if (fl === 'r') opts.readonly = on;
          else if (fl === 'A') opts.assoc = on;
          else if (fl === 'a') opts.array = on;
          else if (fl === 'i') opts.integer = on;
          else if (fl === 'g') opts.local = false;
          else if (fl === 'p') print = true;
          else if (fl === 'n' && variant === 'export') unexport = true;
          else if (fl === 'f' || fl === 'F') funcs = true;
        }
        continue;
      }
      const eq = word.indexOf('=');
      const name = eq >= 0 ? word.slice(0, eq) : word;
      names.push({ name, append: false, naked: eq < 0, value: eq >= 0 ? { parts: [{ t: 'sq', v: word.slice(eq + 1), dollar: false }] } : undefined });
      continue;
    }
    names.push(a);
  }
  if (funcs) {
    for (const [n, f] of st.functions) if (names.length === 0 || names.some((a) => a.name === n)) io.stdout.write(`${n} () \n${f.src}\n`);
    return 0;
  }
  if (names.length === 0 || print) {
    const list = names.length ? names.map((a) => a.name) : [...st.vars.keys()].sort();
    for (const n of list) {
      const v = st.getVar(n);
      if (!v) {
        if (names.length) {
          io.stderr.write(`${sh.errPrefix()}${variant}: ${n}: not found\n`);
          code = 1;
        }
        continue;
      }
      if (variant === 'export' && !v.exported) continue;
      if (variant === 'readonly' && !v.readonly) continue;
      io.stdout.write(declareLine(n, v) + '\n');
    }
    return code;
  }
  for (const a of names) {
    try {
      if (unexport) {
        const v = st.getVar(a.name);
        if (v) v.exported = false;
        continue;
      }
      await assignOne(sh, a, ex, opts);
    } catch (e) {
      if (!(e instanceof ShellError)) throw e;
      io.stderr.write(`${sh.errPrefix()}${variant}: ${e.message}\n`);
      code = 1;
    }
  }
  return code;
}
