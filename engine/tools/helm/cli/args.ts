import { durationFlagError } from '../../../base/go-duration.ts';

/** FlagSpec lists a command's flags: kind by long name, and short aliases. */
export interface FlagSpec {
  bool: string[];
  string: string[];
  /** flags that may repeat (--set, -f) */
  array: string[];
  short: Record<string, string>;
}

/** Parsed is a command line split into positional arguments and flag values. */
export interface Parsed {
  args: string[];
  flags: Map<string, string[]>;
}

/** ArgError is a flag mistake, printed as helm (cobra) prints it: "Error: unknown flag: --x". */
export class ArgError extends Error {}

/** GLOBAL are helm's global flags. */
export const GLOBAL: FlagSpec = {
  bool: ['debug', 'help'],
  string: ['namespace', 'kube-context', 'kubeconfig', 'kube-apiserver', 'kube-token', 'registry-config', 'repository-cache', 'repository-config'],
  array: [],
  short: { n: 'namespace', h: 'help' },
};

/** DURATION_FLAGS are helm's flags of type time.Duration. */
const DURATION_FLAGS = ['timeout'];

/** parseArgs parses a helm command line against the command's and the global flags. */
export function parseArgs(argv: string[], spec: FlagSpec): Parsed {
  const all: FlagSpec = {
    bool: [...spec.bool, ...GLOBAL.bool],
    string: [...spec.string, ...GLOBAL.string],
    array: spec.array,
    short: { ...GLOBAL.short, ...spec.short },
  };
  const args: string[] = [];
  const flags = new Map<string, string[]>();
  const put = (name: string, v: string) => flags.set(name, [...(flags.get(name) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      continue;
    }
    let name: string;
    let value: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      value = eq >= 0 ? a.slice(eq + 1) : undefined;
    } else {
      const s = a.slice(1, 2);
      const long = all.short[s];
      if (!long) throw new ArgError(`unknown shorthand flag: '${s}' in ${a}`);
      name = long;
      const rest = a.slice(2);
      value = rest ? rest.replace(/^=/, '') : undefined;
    }
    if (all.bool.includes(name)) {
      put(name, value ?? 'true');
      continue;
    }
    if (!all.string.includes(name) && !all.array.includes(name)) throw new ArgError(`unknown flag: --${name}`);
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new ArgError(`flag needs an argument: --${name}`);
      value = argv[++i]!;
    }
    // pflag reads a duration flag when it parses it: a bad one fails the command before it starts
    const bad = DURATION_FLAGS.includes(name) ? durationFlagError(`--${name}`, value) : undefined;
    if (bad) throw new ArgError(bad);
    put(name, value);
  }
  return { args, flags };
}

/** str reads a flag's last value. */
export function str(p: Parsed, name: string): string | undefined {
  return p.flags.get(name)?.at(-1);
}

/** bool reads a boolean flag. */
export function bool(p: Parsed, name: string): boolean {
  const v = str(p, name);
  return v !== undefined && v !== 'false';
}

/** arr reads a repeatable flag's values in order. */
export function arr(p: Parsed, name: string): string[] {
  return p.flags.get(name) ?? [];
}
