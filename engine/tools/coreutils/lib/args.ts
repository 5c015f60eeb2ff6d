import type { Process } from '../../../host/process.ts';

/** OptSpec declares a program's options: short letters and long names, with or without a value. */
export interface OptSpec {
  /** short options without value, e.g. "lahR1" */
  flags?: string;
  /** short options taking a value, e.g. "nc" */
  withArg?: string;
  /** long options: name → short letter it aliases (or itself), with "=" suffix when it takes a value */
  long?: Record<string, string>;
  /** stop at the first operand (POSIX style, for commands that run other commands) */
  stopAtOperand?: boolean;
  /** a digit option like head -5 / tail -5 is allowed and stored under this key */
  numeric?: string;
  /** exit status for usage errors (ls and grep use 2) */
  usageCode?: number;
}

/** Parsed is the result of option parsing: values by key (repeatable) and operands. */
export interface Parsed {
  opts: Map<string, string[]>;
  args: string[];
}

/** UsageError is a bad command line; the message is GNU's text. */
export class UsageError extends Error {}

/** has tells whether an option was given. */
export function has(p: Parsed, key: string): boolean {
  return p.opts.has(key);
}

/** val returns the last value of an option. */
export function val(p: Parsed, key: string): string | undefined {
  const v = p.opts.get(key);
  return v ? v[v.length - 1] : undefined;
}

/** parseArgs parses argv (without argv[0]) the way getopt_long does, permuting operands. */
export function parseArgs(argv: string[], spec: OptSpec): Parsed {
  const opts = new Map<string, string[]>();
  const args: string[] = [];
  const set = (k: string, v: string) => opts.set(k, [...(opts.get(k) ?? []), v]);
  const flags = spec.flags ?? '';
  const withArg = spec.withArg ?? '';
  const long = spec.long ?? {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const matches = Object.keys(long).filter((k) => k.replace(/=$/, '') === name);
      const cands = matches.length ? matches : Object.keys(long).filter((k) => k.startsWith(name));
      if (cands.length === 0) throw new UsageError(`unrecognized option '${a}'`);
      if (cands.length > 1 && !matches.length) throw new UsageError(`option '${a}' is ambiguous; possibilities:${cands.map((c) => ` '--${c.replace(/=$/, '')}'`).join('')}`);
      const key = cands[0]!;
      const target = long[key]!;
      if (key.endsWith('=')) {
        let v: string | undefined = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`option '--${key.slice(0, -1)}' requires an argument`);
        set(target, v);
      } else {
        if (eq >= 0) throw new UsageError(`option '--${key}' doesn't allow an argument`);
        set(target, '');
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numeric && /^-\d+$/.test(a)) {
        set(spec.numeric, a.slice(1));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (withArg.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) throw new UsageError(`option requires an argument -- '${c}'`);
          set(c, v);
          break;
        }
        if (!flags.includes(c)) throw new UsageError(`invalid option -- '${c}'`);
        set(c, '');
      }
      continue;
    }
    args.push(a);
    if (spec.stopAtOperand) {
      args.push(...argv.slice(i + 1));
      break;
    }
  }
  return { opts, args };
}

/** parseOrUsage parses argv and prints GNU's usage error ("Try 'x --help'…") on failure. */
export function parseOrUsage(p: Process, spec: OptSpec): Parsed | number {
  const name = p.argv[0]!.split('/').pop()!;
  try {
    return parseArgs(p.argv.slice(1), spec);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    p.stderr.write(`${name}: ${e.message}\nTry '${name} --help' for more information.\n`);
    return spec.usageCode ?? 1;
  }
}
