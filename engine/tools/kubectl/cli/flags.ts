/**
 * Command-line flags with pflag's semantics and error texts: --name=value,
 * --name value, -n value, -nvalue, combined booleans (-it), `--` ending flag
 * parsing, flags anywhere among the arguments.
 */

import { durationFlagError, parseGoDuration, parseUnsignedGoDuration } from '../../../base/go-duration.ts';

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration' | 'float' | 'mapStringString';

export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
  /** default value as the help prints it after '=' (derived from the type when absent) */
  default?: string | number | boolean | string[];
  usage: string;
  /** value used when a non-bool flag is given without "=value" (pflag NoOptDefVal) */
  noOptDefault?: string;
  hidden?: boolean;
  deprecated?: string;
  /** defaultText overrides how the help prints the default ("--vmodule=:" prints nothing) */
  defaultText?: string;
}

export type FlagValue = string | number | boolean | string[] | Record<string, string>;

/** FlagError is a flag-parsing failure; its message is pflag's, and kubectl adds "See '… --help' for usage." */
export class FlagError extends Error {}

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** set holds the names of flags given explicitly */
  set: Set<string>;
  args: string[];
  /** argsAfterDash: index in args where `--` appeared (-1 if absent) */
  dashIndex: number;
  /** given lists every flag occurrence in command-line order with its text value, as pflag hands them to ParseAll's callback */
  given: { name: string; value: string }[];
}

function defaultOf(def: FlagDef): FlagValue {
  if (def.default !== undefined) return Array.isArray(def.default) ? [...def.default] : def.default;
  switch (def.type) {
    case 'bool':
      return false;
    case 'int':
    case 'float':
      return 0;
    case 'stringArray':
    case 'stringSlice':
      return [];
    case 'mapStringString':
      return {};
    case 'duration':
      return '0s';
    default:
      return '';
  }
}

/** parseSignedDuration is Go's time.ParseDuration with its optional sign ("-1s" is a valid duration flag). */
export const parseSignedDuration = parseGoDuration;

/** parseDuration reads an unsigned Go duration ("30s", "1m30s", "2h", "500ms") into milliseconds. */
export const parseDuration = parseUnsignedGoDuration;

function convert(def: FlagDef, raw: string, flagText: string): FlagValue {
  switch (def.type) {
    case 'bool': {
      if (['true', '1', 't', 'T', 'TRUE', 'True'].includes(raw)) return true;
      if (['false', '0', 'f', 'F', 'FALSE', 'False'].includes(raw)) return false;
      throw new FlagError(`invalid argument "${raw}" for "${flagText}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${flagText}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      return Number(raw);
    }
    case 'float': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${flagText}" flag: strconv.ParseFloat: parsing "${raw}": invalid syntax`);
      return Number(raw);
    }
    case 'duration': {
      if (parseSignedDuration(raw) === undefined) throw new FlagError(durationFlagError(flagText, raw) ?? `invalid argument "${raw}" for "${flagText}" flag: time: invalid duration "${raw}"`);
      return raw;
    }
    default:
      return raw;
  }
}

function store(parsed: ParsedFlags, def: FlagDef, value: FlagValue, raw: string): void {
  parsed.given.push({ name: def.name, value: raw });
  const first = !parsed.set.has(def.name);
  parsed.set.add(def.name);
  if (def.type === 'stringArray') {
    const cur = first ? [] : (parsed.values.get(def.name) as string[]);
    parsed.values.set(def.name, [...cur, value as string]);
  } else if (def.type === 'stringSlice') {
    const cur = first ? [] : (parsed.values.get(def.name) as string[]);
    parsed.values.set(def.name, [...cur, ...splitCsv(value as string)]);
  } else if (def.type === 'mapStringString') {
    // component-base's MapStringString: comma-separated pairs, blanks skipped, keys and values trimmed.
    const cur = first ? {} : (parsed.values.get(def.name) as Record<string, string>);
    const next = { ...cur };
    for (const raw of (value as string).split(',')) {
      const kv = raw.trim();
      if (kv === '') continue;
      const i = kv.indexOf('=');
      if (i < 0) throw new FlagError(`invalid argument "${value}" for "--${def.name}" flag: malformed pair, expect string=string`);
      next[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
    }
    parsed.values.set(def.name, next);
  } else {
    parsed.values.set(def.name, value);
  }
}

function splitCsv(s: string): string[] {
  if (s === '') return [];
  return s.split(',');
}

/**
 * parseFlags parses argv against the flag definitions. Unknown flags raise
 * FlagError with pflag's texts ("unknown flag: --foo", "unknown shorthand flag:
 * 'z' in -z", "flag needs an argument: --namespace").
 */
export function parseFlags(argv: string[], defs: FlagDef[], opts: { interspersed?: boolean } = {}): ParsedFlags {
  const byName = new Map<string, FlagDef>();
  const byShort = new Map<string, FlagDef>();
  for (const d of defs) {
    byName.set(d.name, d);
    if (d.short) byShort.set(d.short, d);
  }
  const parsed: ParsedFlags = { values: new Map(), set: new Set(), args: [], dashIndex: -1, given: [] };
  for (const d of defs) parsed.values.set(d.name, defaultOf(d));
  const interspersed = opts.interspersed ?? true;
  const put = (def: FlagDef, value: FlagValue, raw: string) => store(parsed, def, value, raw);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      parsed.dashIndex = parsed.args.length;
      parsed.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const def = byName.get(name);
      if (!def) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) put(def, convert(def, a.slice(eq + 1), `--${name}`), a.slice(eq + 1));
      else if (def.type === 'bool') put(def, true, 'true');
      else if (def.noOptDefault !== undefined) put(def, convert(def, def.noOptDefault, `--${name}`), def.noOptDefault);
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        const raw = argv[++i]!;
        put(def, convert(def, raw, `--${name}`), raw);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && a !== '-') {
      let j = 1;
      while (j < a.length) {
        const c = a[j]!;
        const def = byShort.get(c);
        if (!def) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const rest = a.slice(j + 1);
        if (def.type === 'bool') {
          if (rest.startsWith('=')) {
            put(def, convert(def, rest.slice(1), `-${c}, --${def.name}`), rest.slice(1));
            break;
          }
          put(def, true, 'true');
          j++;
          continue;
        }
        if (rest.length > 0) {
          const raw = rest.startsWith('=') ? rest.slice(1) : rest;
          put(def, convert(def, raw, `-${c}, --${def.name}`), raw);
        } else if (def.noOptDefault !== undefined) {
          put(def, convert(def, def.noOptDefault, `-${c}, --${def.name}`), def.noOptDefault);
        } else {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${c}' in ${a}`);
          const raw = argv[++i]!;
          put(def, convert(def, raw, `-${c}, --${def.name}`), raw);
        }
        break;
      }
      continue;
    }
    parsed.args.push(a);
    if (!interspersed) {
      parsed.args.push(...argv.slice(i + 1));
      break;
    }
  }
  return parsed;
}

/** formatDefault renders a flag's default the way kubectl's help does ("=false", "=''", "=[]", "=-1"). */
export function formatDefault(def: FlagDef): string {
  if (def.defaultText !== undefined) return def.defaultText;
  const v = defaultOf(def);
  if (def.type === 'string' || def.type === 'duration') return def.type === 'duration' ? String(v) : `'${String(v)}'`;
  if (def.type === 'stringArray' || def.type === 'stringSlice') return `[${(v as string[]).join(',')}]`;
  if (def.type === 'mapStringString') return '[]';
  return String(v);
}
