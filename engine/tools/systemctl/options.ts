/** Options is systemctl's parsed command line. */
export interface Options {
  verb: string;
  args: string[];
  now: boolean;
  quiet: boolean;
  all: boolean;
  full: boolean;
  lines: number;
  types: string[];
  states: string[];
  properties: string[];
  value: boolean;
  noLegend: boolean;
  failed: boolean;
  signal?: string;
}

const BOOL_LONG: Record<string, keyof Options> = {
  now: 'now', quiet: 'quiet', all: 'all', full: 'full', value: 'value', 'no-legend': 'noLegend', failed: 'failed',
};
const IGNORED_LONG = new Set(['no-pager', 'no-ask-password', 'plain', 'system', 'no-block', 'force', 'runtime', 'no-reload', 'show-types', 'no-warn']);
const SHORT_BOOL: Record<string, keyof Options> = { q: 'quiet', a: 'all', l: 'full' };

/** parseOptions reads argv (without "systemctl") the way systemctl's getopt_long does; it returns an error text on bad input. */
export function parseOptions(argv: string[]): Options | { error: string } {
  const o: Options = { verb: '', args: [], now: false, quiet: false, all: false, full: false, lines: 10, types: [], states: [], properties: [], value: false, noLegend: false, failed: false };
  const words: string[] = [];
  const need = (name: string, v: string | undefined): string | { error: string } => (v === undefined ? { error: `systemctl: option '${name}' requires an argument` } : v);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      if (BOOL_LONG[name]) {
        (o as unknown as Record<string, boolean>)[BOOL_LONG[name]] = true;
        continue;
      }
      if (IGNORED_LONG.has(name)) continue;
      if (['lines', 'type', 'state', 'property', 'signal', 'kill-whom', 'output'].includes(name)) {
        const v = need(`--${name}`, inline ?? argv[++i]);
        if (typeof v !== 'string') return v;
        if (name === 'lines') {
          if (!/^\d+$/.test(v)) return { error: `Failed to parse lines '${v}'` };
          o.lines = Number(v);
        } else if (name === 'type') o.types.push(...v.split(','));
        else if (name === 'state') o.states.push(...v.split(','));
        else if (name === 'property') o.properties.push(...v.split(','));
        else if (name === 'signal') o.signal = v;
        continue;
      }
      return { error: `systemctl: unrecognized option '--${name}'` };
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (SHORT_BOOL[c]) {
          (o as unknown as Record<string, boolean>)[SHORT_BOOL[c]] = true;
          continue;
        }
        if ('ntps'.includes(c)) {
          const rest = a.slice(j + 1);
          const v = rest !== '' ? rest : argv[++i];
          if (v === undefined) return { error: `systemctl: option requires an argument -- '${c}'` };
          if (c === 'n') {
            if (!/^\d+$/.test(v)) return { error: `Failed to parse lines '${v}'` };
            o.lines = Number(v);
          } else if (c === 't') o.types.push(...v.split(','));
          else if (c === 'p') o.properties.push(...v.split(','));
          else o.signal = v;
          break;
        }
        return { error: `systemctl: invalid option -- '${c}'` };
      }
      continue;
    }
    words.push(a);
  }
  o.verb = words[0] ?? 'list-units';
  o.args = words.slice(1);
  return o;
}
