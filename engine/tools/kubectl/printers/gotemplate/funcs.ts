import { atobUtf8 } from '../../../../base/base64.ts';
import { goText } from '../../../../base/jsonpath/gofmt.ts';

/** MISSING is Go's invalid reflect.Value: a missing map key, printed as "<no value>". */
export const MISSING: unique symbol = Symbol('missing');
export type Val = unknown;

/** TemplateExecError is a failure while executing a template; pos and at locate the node (Go's ErrorContext). */
export class TemplateExecError extends Error {
  pos?: number;
  at?: string;
}

/** locate attaches the failing node's place to an error that has none yet. */
export function locate<T>(pos: number, at: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof TemplateExecError && e.pos === undefined) {
      e.pos = pos;
      e.at = at;
    }
    throw e;
  }
}

/** truth is text/template's notion of a true value. */
export function truth(v: Val): boolean {
  if (v === MISSING || v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** printValue is how {{x}} prints a value. */
export function printValue(v: Val): string {
  if (v === MISSING) return '<no value>';
  return goText(v);
}

function basic(v: Val): 'int' | 'float' | 'string' | 'bool' | 'other' {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}

function eq2(a: Val, b: Val): boolean {
  const ka = basic(a);
  const kb = basic(b);
  if (ka === 'other' || kb === 'other') {
    if ((a === null || a === MISSING) && (b === null || b === MISSING)) return true;
    throw new TemplateExecError('error calling eq: incompatible types for comparison');
  }
  if (ka !== kb) throw new TemplateExecError('error calling eq: incompatible types for comparison');
  return a === b;
}

function lt2(a: Val, b: Val, fn: string): boolean {
  const ka = basic(a);
  if (ka !== basic(b)) throw new TemplateExecError(`error calling ${fn}: incompatible types for comparison`);
  if (ka === 'bool' || ka === 'other') throw new TemplateExecError(`error calling ${fn}: invalid type for comparison`);
  return (a as number) < (b as number);
}

/** sprintf is a subset of Go's fmt.Sprintf: %s %d %v %q %t %f %x %X %c %% with flags, width and precision. */
export function sprintf(format: string, args: Val[]): string {
  let ai = 0;
  return (
    format.replace(/%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width: string | undefined, prec: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      if (ai >= args.length) return `%!${verb}(MISSING)`;
      const a = args[ai++];
      let s: string;
      switch (verb) {
        case 'd':
          s = typeof a === 'number' && Number.isInteger(a) ? String(a) : `%!d(${typeName(a)}=${printValue(a)})`;
          break;
        case 's':
        case 'v':
          s = printValue(a);
          break;
        case 'q':
          s = typeof a === 'string' ? JSON.stringify(a) : `%!q(${typeName(a)}=${printValue(a)})`;
          break;
        case 't':
          s = typeof a === 'boolean' ? String(a) : `%!t(${typeName(a)}=${printValue(a)})`;
          break;
        case 'f':
          s = typeof a === 'number' ? a.toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${typeName(a)}=${printValue(a)})`;
          break;
        case 'x':
        case 'X': {
          const t = typeof a === 'number' ? Math.trunc(a).toString(16) : typeof a === 'string' ? Array.from(new TextEncoder().encode(a), (b) => b.toString(16).padStart(2, '0')).join('') : printValue(a);
          s = verb === 'X' ? t.toUpperCase() : t;
          break;
        }
        case 'c':
          s = typeof a === 'number' ? String.fromCodePoint(a) : printValue(a);
          break;
        default:
          s = `%!${verb}(${typeName(a)}=${printValue(a)})`;
      }
      if (prec !== undefined && (verb === 's' || verb === 'v')) s = s.slice(0, Number(prec));
      if (width !== undefined && s.length < Number(width)) {
        const pad = Number(width) - s.length;
        if (flags.includes('-')) s += ' '.repeat(pad);
        else if (flags.includes('0') && /[dfxX]/.test(verb)) s = s.startsWith('-') ? `-${'0'.repeat(pad)}${s.slice(1)}` : '0'.repeat(pad) + s;
        else s = ' '.repeat(pad) + s;
      }
      return s;
    }) + (ai < args.length ? `%!(EXTRA ${args.slice(ai).map((a) => `${typeName(a)}=${printValue(a)}`).join(', ')})` : '')
  );
}

function typeName(v: Val): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v && typeof v === 'object') return 'map[string]interface {}';
  return '<nil>';
}

function length(v: Val): number {
  if (typeof v === 'string') return new TextEncoder().encode(v).length;
  if (Array.isArray(v)) return v.length;
  if (v && typeof v === 'object') return Object.keys(v).length;
  throw new TemplateExecError(`error calling len: len of ${v === MISSING || v === null ? 'nil pointer' : `type ${typeName(v)}`}`);
}

function index(v: Val, keys: Val[]): Val {
  let cur = v;
  for (const k of keys) {
    if (Array.isArray(cur)) {
      if (typeof k !== 'number') throw new TemplateExecError(`error calling index: cannot index slice/array with type ${typeName(k)}`);
      if (k < 0 || k >= cur.length) throw new TemplateExecError(`error calling index: index out of range: ${k}`);
      cur = cur[k];
    } else if (cur && typeof cur === 'object') {
      const m = cur as Record<string, unknown>;
      cur = Object.prototype.hasOwnProperty.call(m, String(k)) ? m[String(k)] : MISSING;
      if (cur === MISSING) return MISSING;
    } else if (cur === MISSING || cur === null) {
      throw new TemplateExecError('error calling index: index of untyped nil');
    } else throw new TemplateExecError(`error calling index: can't index item of type ${typeName(cur)}`);
  }
  return cur;
}

/** FUNCS are the template functions kubectl offers: Go's builtins plus base64decode/base64encode. */
export const FUNCS: Record<string, (args: Val[]) => Val> = {
  and: (a) => a.find((x) => !truth(x)) ?? a[a.length - 1],
  or: (a) => a.find((x) => truth(x)) ?? a[a.length - 1],
  not: (a) => !truth(a[0]),
  len: (a) => length(a[0]),
  index: (a) => index(a[0], a.slice(1)),
  printf: (a) => sprintf(String(a[0] ?? ''), a.slice(1)),
  print: (a) => a.map((x, i) => (i > 0 && typeof x !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + printValue(x)).join(''),
  println: (a) => a.map(printValue).join(' ') + '\n',
  eq: (a) => a.slice(1).some((b) => eq2(a[0], b)),
  ne: (a) => !eq2(a[0], a[1]),
  lt: (a) => lt2(a[0], a[1], 'lt'),
  le: (a) => lt2(a[0], a[1], 'le') || eq2(a[0], a[1]),
  gt: (a) => !lt2(a[0], a[1], 'gt') && !eq2(a[0], a[1]),
  ge: (a) => !lt2(a[0], a[1], 'ge'),
  base64decode: (a) => {
    const s = String(a[0] ?? '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) throw new TemplateExecError(`error calling base64decode: base64 decode failed: illegal base64 data at input byte ${Math.max(0, s.search(/[^A-Za-z0-9+/=]/))}`);
    return atobUtf8(s);
  },
  base64encode: (a) => btoa(String.fromCharCode(...new TextEncoder().encode(String(a[0] ?? '')))),
  html: (a) => a.map(printValue).join('').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;'),
  js: (a) => a.map(printValue).join('').replace(/[\\'"<>&=]/g, (c) => (c === '\\' ? '\\\\' : c === "'" ? "\\'" : c === '"' ? '\\"' : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)),
  urlquery: (a) => encodeURIComponent(a.map(printValue).join('')).replace(/%20/g, '+'),
};
