/**
 * A pflag-style command line reader for etcdctl and etcdutl: long flags as
 * `--name value` or `--name=value`, booleans without a value (or `=true`),
 * single-letter shorthands (`-w json`, `-wjson`), flags anywhere among the
 * arguments, `--` ending flags.
 */

import { durationFlagError, parseUnsignedGoDuration } from '../../base/go-duration.ts';

/** FlagSpec describes one flag: its kind, default and optional shorthand. */
export interface FlagSpec {
  kind: 'string' | 'bool' | 'int' | 'duration' | 'strings';
  def?: string;
  short?: string;
}

/** ParsedArgs holds flag values (as strings, booleans "true"/"false") and positional arguments. */
export interface ParsedArgs {
  values: Map<string, string>;
  /** set lists the flags given on the command line */
  set: Set<string>;
  args: string[];
}

/** parseFlags reads argv against specs; it answers the error text pflag would give. */
export function parseFlags(argv: string[], specs: Record<string, FlagSpec>): ParsedArgs | { error: string } {
  const values = new Map<string, string>();
  const set = new Set<string>();
  const args: string[] = [];
  for (const [n, s] of Object.entries(specs)) if (s.def !== undefined) values.set(n, s.def);
  const byShort = new Map<string, string>();
  for (const [n, s] of Object.entries(specs)) if (s.short) byShort.set(s.short, n);
  const assign = (name: string, value: string): string | undefined => {
    const spec = specs[name]!;
    if (spec.kind === 'bool' && !/^(true|false|1|0|t|f|TRUE|FALSE|True|False)$/.test(value)) {
      return `invalid argument "${value}" for "--${name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`;
    }
    if (spec.kind === 'int' && !/^-?\d+$/.test(value)) {
      return `invalid argument "${value}" for "--${name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`;
    }
    if (spec.kind === 'duration' && parseDuration(value) === undefined) {
      return durationFlagError(`--${name}`, value) ?? `invalid argument "${value}" for "--${name}" flag: time: invalid duration "${value}"`;
    }
    const v = spec.kind === 'bool' ? String(/^(true|1|t|TRUE|True)$/.test(value)) : value;
    values.set(name, spec.kind === 'strings' && set.has(name) ? `${values.get(name)},${v}` : v);
    set.add(name);
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = specs[name];
      if (!spec) return { error: `unknown flag: --${name}` };
      let value: string;
      if (eq >= 0) value = a.slice(eq + 1);
      else if (spec.kind === 'bool') value = 'true';
      else if (i + 1 < argv.length) value = argv[++i]!;
      else return { error: `flag needs an argument: --${name}` };
      const err = assign(name, value);
      if (err) return { error: err };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const c = a[1]!;
      const name = byShort.get(c);
      if (!name) return { error: `unknown shorthand flag: '${c}' in ${a}` };
      const spec = specs[name]!;
      let value: string;
      if (a.length > 2) value = a[2] === '=' ? a.slice(3) : a.slice(2);
      else if (spec.kind === 'bool') value = 'true';
      else if (i + 1 < argv.length) value = argv[++i]!;
      else return { error: `flag needs an argument: '${c}' in -${c}` };
      const err = assign(name, value);
      if (err) return { error: err };
      continue;
    }
    args.push(a);
  }
  return { values, set, args };
}

/** parseDuration reads a Go duration ("5s", "1m30s", "500ms") into milliseconds. */
export const parseDuration = parseUnsignedGoDuration;
