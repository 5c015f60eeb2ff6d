import { OUTPUT_MODES, parsePriority, type OutputMode } from '../../host/journal/format.ts';

/** Options is journalctl's parsed command line. */
export interface Options {
  units: string[];
  idents: string[];
  follow: boolean;
  lines?: number;
  pagerEnd: boolean;
  since?: string;
  until?: string;
  boot: boolean;
  priority?: { min: number; max: number };
  output: OutputMode;
  catalog: boolean;
  reverse: boolean;
  quiet: boolean;
  kernel: boolean;
  noHostname: boolean;
  listBoots: boolean;
  diskUsage: boolean;
  matches: string[];
}

const SHORT_WITH_ARG = new Set(['u', 'o', 'p', 'S', 'U', 't']);
const SHORT_OPTIONAL = new Set(['n', 'b']);

/** parseOptions reads journalctl's argv (without the program name) like its getopt_long. */
export function parseOptions(argv: string[]): Options | { error: string } {
  const o: Options = { units: [], idents: [], follow: false, pagerEnd: false, boot: false, output: 'short', catalog: false, reverse: false, quiet: false, kernel: false, noHostname: false, listBoots: false, diskUsage: false, matches: [] };
  const apply = (name: string, v: string | undefined): { error: string } | undefined => {
    switch (name) {
      case 'u': case 'unit': o.units.push(v!); break;
      case 't': case 'identifier': o.idents.push(v!); break;
      case 'o': case 'output':
        if (!(OUTPUT_MODES as string[]).includes(v!) && !['verbose', 'export', 'json-pretty', 'json-sse', 'json-seq', 'short-monotonic', 'short-full'].includes(v!)) return { error: `Unknown output format '${v}'.` };
        o.output = (OUTPUT_MODES as string[]).includes(v!) ? (v as OutputMode) : 'short';
        break;
      case 'p': case 'priority': {
        const p = parsePriority(v!);
        if (!p) return { error: `Unknown log level ${v}` };
        o.priority = p;
        break;
      }
      case 'S': case 'since': o.since = v; break;
      case 'U': case 'until': o.until = v; break;
      case 'n': case 'lines':
        if (v === undefined || v === 'all') o.lines = v === 'all' ? undefined : 10;
        else if (/^\+?\d+$/.test(v)) o.lines = Number(v.replace('+', ''));
        else return { error: `Failed to parse lines '${v}'` };
        break;
      case 'b': case 'boot': o.boot = true; break;
      case 'f': case 'follow': o.follow = true; break;
      case 'e': case 'pager-end': o.pagerEnd = true; break;
      case 'x': case 'catalog': o.catalog = true; break;
      case 'r': case 'reverse': o.reverse = true; break;
      case 'q': case 'quiet': o.quiet = true; break;
      case 'k': case 'dmesg': o.kernel = true; o.boot = true; break;
      case 'no-hostname': o.noHostname = true; break;
      case 'list-boots': o.listBoots = true; break;
      case 'disk-usage': o.diskUsage = true; break;
      case 'a': case 'all': case 'l': case 'full': case 'no-pager': case 'utc': case 'no-full': case 'system': case 'm': case 'merge': break;
      default: return { error: name.length === 1 ? `journalctl: invalid option -- '${name}'` : `journalctl: unrecognized option '--${name}'` };
    }
    return undefined;
  };
  const LONG_ARG = new Set(['unit', 'identifier', 'output', 'priority', 'since', 'until']);
  const LONG_OPTIONAL = new Set(['lines', 'boot']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      let v = eq < 0 ? undefined : a.slice(eq + 1);
      if (LONG_ARG.has(name) && v === undefined) {
        v = argv[++i];
        if (v === undefined) return { error: `journalctl: option '--${name}' requires an argument` };
      }
      if (LONG_OPTIONAL.has(name) && v === undefined && argv[i + 1] !== undefined && /^(\+?\d+|all|-?\d+)$/.test(argv[i + 1]!)) v = argv[++i];
      const e = apply(name, v);
      if (e) return e;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (SHORT_WITH_ARG.has(c) || SHORT_OPTIONAL.has(c)) {
          let v: string | undefined = a.slice(j + 1) || undefined;
          if (v === undefined && SHORT_WITH_ARG.has(c)) {
            v = argv[++i];
            if (v === undefined) return { error: `journalctl: option requires an argument -- '${c}'` };
          } else if (v === undefined && argv[i + 1] !== undefined && /^(\+?\d+|all|-?\d+)$/.test(argv[i + 1]!)) v = argv[++i];
          const e = apply(c, v);
          if (e) return e;
          break;
        }
        const e = apply(c, undefined);
        if (e) return e;
      }
      continue;
    }
    o.matches.push(a);
  }
  return o;
}
