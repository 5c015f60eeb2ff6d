import { MATCHES, STANDARD_TARGETS, TARGETS, type ExtSpec } from './extensions.ts';
import { IptError, PARAMETER_PROBLEM, VERSION_PROBLEM, type Addr, type Match, type Rule } from './types.ts';

/**
 * The iptables command line (iptables/xtables.c do_parse): getopt_long over
 * iptables' own options plus those of every extension loaded so far, with
 * `!` inverting the option after it and commands picking up a following
 * chain, rule number or policy. The shared getopt helper cannot express the
 * extensions' options appearing mid-line or the order-sensitive `!`.
 */

/** Cmd is the command letter. */
export type Cmd = 'A' | 'C' | 'D' | 'I' | 'R' | 'L' | 'S' | 'F' | 'Z' | 'N' | 'X' | 'E' | 'P';

/** Command is a parsed command line. */
export interface Command {
  cmd?: Cmd;
  chain?: string;
  rulenum?: number;
  newname?: string;
  policy?: string;
  table: string;
  verbose: number;
  numeric: boolean;
  exact: boolean;
  lineNumbers: boolean;
  help?: boolean;
  version?: boolean;
  rule: Rule;
}

export const TABLES: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

const LONG: Record<string, string> = {
  append: 'A', check: 'C', delete: 'D', insert: 'I', replace: 'R', list: 'L', 'list-rules': 'S', flush: 'F', zero: 'Z',
  'new-chain': 'N', 'delete-chain': 'X', 'rename-chain': 'E', policy: 'P', help: 'h', protocol: 'p', source: 's', src: 's',
  destination: 'd', dst: 'd', jump: 'j', goto: 'g', 'in-interface': 'i', 'out-interface': 'o', fragment: 'f', verbose: 'v',
  numeric: 'n', table: 't', exact: 'x', 'line-numbers': '0', match: 'm', version: 'V', wait: 'w', 'wait-interval': 'W',
  ipv4: '4', ipv6: '6', 'set-counters': 'c', modprobe: 'M',
};
const REQUIRED = 'ACDRIMNEPopsdjitmcg';
const OPTIONAL = 'LSFZXhwW';

const PROTOCOLS: Record<string, number> = { all: 0, icmp: 1, igmp: 2, tcp: 6, udp: 17, gre: 47, esp: 50, ah: 51, icmpv6: 58, sctp: 132, udplite: 136 };

/** The options generic_opt_check knows, in commands_v_options order, and the letter each is reported as. */
const OPT_LETTERS = ['n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0', 'c', 'f'];
const LEGAL: Record<Cmd, string> = {
  I: 'x     x  x  ', D: 'x     x  xx ', R: 'x     x  x  ', A: 'x     x  x  ', C: 'x     x  xx ',
  L: ' xxxx  xx xx', F: 'xxxxx xxxxxx', Z: 'xxxxx xxxxxx', N: 'xxxxx xxxxxx', X: 'xxxxx xxxxxx',
  P: 'xxxxx xxxx x', E: 'xxxxx xxxxxx', S: 'xxxxx xxxxxx',
};
const DELETE_NUM = 'xxxxx xxxxxx';

const parameter = (msg: string) => new IptError(msg, PARAMETER_PROBLEM);

/** parseIpv4 reads "a.b.c.d[/len|/mask]" into a masked network, or undefined. */
export function parseIpv4(text: string, resolve?: (name: string) => string | undefined): Addr | { error: string } {
  const [host, mask] = text.split('/');
  let ip = host!;
  const quad = (s: string) => (/^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((o) => Number(o) <= 255) ? s.split('.').map(Number) : undefined);
  if (!quad(ip)) {
    const r = resolve?.(ip);
    if (!r) return { error: `host/network \`${ip}' not found` };
    ip = r;
  }
  let len = 32;
  if (mask !== undefined) {
    const m = quad(mask);
    if (m) {
      const bits = m.reduce((acc, o) => acc * 256 + o, 0);
      len = 0;
      while (len < 32 && bits & (2 ** (31 - len))) len++;
      if ((bits >>> 0) !== (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0)) return { error: `invalid mask \`${mask}' specified` };
    } else if (/^\d+$/.test(mask) && Number(mask) <= 32) len = Number(mask);
    else return { error: `invalid mask \`${mask}' specified` };
  }
  const n = quad(ip)!.reduce((acc, o) => acc * 256 + o, 0);
  const masked = len === 0 ? 0 : (n & ((0xffffffff << (32 - len)) >>> 0)) >>> 0;
  return { ip: [24, 16, 8, 0].map((s) => (masked >>> s) & 255).join('.'), len, inv: false };
}

interface Loaded {
  kind: 'match' | 'target';
  spec: ExtSpec;
  match?: Match;
}

/** parseCommand parses iptables' argv (without argv[0]); resolve looks up host names for -s/-d. */
export function parseCommand(argv: string[], resolve?: (name: string) => string | undefined): Command {
  const c: Command = { table: 'filter', verbose: 0, numeric: false, exact: false, lineNumbers: false, rule: { matches: [] } };
  const seen = new Set<string>();
  const loaded: Loaded[] = [];
  let inv = false;
  let i = 0;
  let src: string | undefined;
  let dst: string | undefined;
  let srcInv = false;
  let dstInv = false;
  const hasArg = () => i < argv.length && !argv[i]!.startsWith('-') && argv[i] !== '!';
  const setOption = (letter: string, name: string, invertible: boolean) => {
    if (seen.has(letter)) throw parameter(`multiple -${name} flags not allowed`);
    seen.add(letter);
    if (inv && !invertible) throw parameter(`cannot have ! before -${name}`);
  };
  const addCommand = (cmd: Cmd) => {
    if (inv) throw parameter('unexpected ! flag');
    if (c.cmd && !((cmd === 'L' || cmd === 'S') && c.cmd === 'Z') && !(cmd === 'Z' && (c.cmd === 'L' || c.cmd === 'S'))) throw parameter(`Cannot use -${cmd} with -${c.cmd}\n`);
    c.cmd ??= cmd;
  };
  const ruleNumber = (s: string) => {
    if (!/^\d+$/.test(s) || Number(s) < 1) throw parameter(`Invalid rule number \`${s}'`);
    return Number(s);
  };
  const loadMatch = (name: string): Loaded => {
    const spec = MATCHES[name];
    if (!spec) throw parameter(`Couldn't load match \`${name}':No such file or directory\n`);
    const match: Match = { name, opts: [] };
    c.rule.matches.push(match);
    const l: Loaded = { kind: 'match', spec, match };
    loaded.push(l);
    return l;
  };
  /** findExtOption finds who takes a long option: exact name first, then a unique prefix, newest extension first. */
  const findExtOption = (name: string): { l: Loaded; flag: string; nargs: number } | undefined => {
    for (const exact of [true, false]) {
      const hits: Array<{ l: Loaded; flag: string; nargs: number }> = [];
      for (const l of [...loaded].reverse()) {
        const names = [...Object.keys(l.spec.options), ...Object.keys(l.spec.aliases ?? {})];
        for (const n of names) {
          if (exact ? n === '--' + name : n.startsWith('--' + name)) {
            const flag = l.spec.aliases?.[n] ?? n;
            hits.push({ l, flag, nargs: l.spec.options[flag]! });
          }
        }
        if (exact && hits.length) return hits[0];
      }
      if (!exact && hits.length >= 1 && new Set(hits.map((h) => h.flag)).size === 1) return hits[0];
    }
    return undefined;
  };
  /** option handles one of iptables' own options by letter; rest is the rest of a bundle ('' if none). */
  const option = (letter: string, shown: string, value: string | undefined) => {
    switch (letter) {
      case 'A': case 'C': case 'N': case 'P': case 'E': case 'D': case 'I': case 'R':
        addCommand(letter);
        if (letter === 'N' && (value!.startsWith('-') || value!.startsWith('!'))) throw parameter(`chain name not allowed to start with \`${value![0]}'\n`);
        if (letter === 'N' && (STANDARD_TARGETS.includes(value!) || TARGETS[value!])) throw parameter('chain name may not clash with target name\n');
        c.chain = value;
        if (letter === 'D' && hasArg()) c.rulenum = ruleNumber(argv[i++]!);
        if (letter === 'R') {
          if (!hasArg()) throw parameter('-R requires a rule number');
          c.rulenum = ruleNumber(argv[i++]!);
        }
        if (letter === 'I') c.rulenum = hasArg() ? ruleNumber(argv[i++]!) : 1;
        if (letter === 'E') {
          if (!hasArg()) throw parameter('-E requires old-chain-name and new-chain-name');
          c.newname = argv[i++];
        }
        if (letter === 'P') {
          if (!hasArg()) throw parameter('-P requires a chain and a policy');
          c.policy = argv[i++];
        }
        return;
      case 'L': case 'S': case 'F': case 'Z': case 'X':
        addCommand(letter);
        if (value) c.chain = value;
        else if (hasArg()) c.chain = argv[i++];
        if ((letter === 'L' || letter === 'S' || letter === 'Z') && hasArg()) c.rulenum = ruleNumber(argv[i++]!);
        return;
      case 'h':
        c.help = true;
        return;
      case 'V':
        c.version = true;
        return;
      case 'p': {
        setOption('p', 'p', true);
        const name = value!.toLowerCase();
        const num = /^\d+$/.test(name) ? Number(name) : PROTOCOLS[name];
        if (num === undefined || num > 255) throw parameter(`unknown protocol "${value}" specified`);
        if (num === 0 && inv) throw parameter('rule would never match protocol');
        const canonical = Object.entries(PROTOCOLS).find(([, n]) => n === num)?.[0] ?? String(num);
        if (num !== 0) c.rule.proto = { name: canonical, inv };
        return;
      }
      case 's':
        setOption('s', 's', true);
        src = value;
        srcInv = inv;
        return;
      case 'd':
        setOption('d', 'd', true);
        dst = value;
        dstInv = inv;
        return;
      case 'j': case 'g': {
        setOption('j', 'j', false);
        const t = TARGETS[value!];
        c.rule.target = { name: value!, opts: [], goto: letter === 'g' };
        if (t && letter === 'j') loaded.push({ kind: 'target', spec: t });
        return;
      }
      case 'i': case 'o':
        if (value === '') throw parameter('Empty interface is likely to be undesired');
        setOption(letter, letter, true);
        if (letter === 'i') c.rule.inIface = { name: value!, inv };
        else c.rule.outIface = { name: value!, inv };
        return;
      case 'f':
        setOption('f', 'f', true);
        c.rule.frag = { inv };
        return;
      case 'v':
        if (!c.verbose) setOption('v', 'v', false);
        c.verbose++;
        return;
      case 'n': case 'x': case '0':
        setOption(letter, letter, false);
        if (letter === 'n') c.numeric = true;
        if (letter === 'x') c.exact = true;
        if (letter === '0') c.lineNumbers = true;
        return;
      case 'm':
        if (inv) throw parameter('unexpected ! flag before --match');
        loadMatch(value!);
        return;
      case 't':
        if (inv) throw parameter('unexpected ! flag before --table');
        if (!TABLES[value!]) throw new IptError(`table '${value}' does not exist`, VERSION_PROBLEM);
        c.table = value!;
        return;
      case 'c':
        setOption('c', 'c', false);
        if (!value!.includes(',') && hasArg()) i++;
        return;
      case 'w': case 'W':
        // the lock wait takes a following number too (parse_wait_time); the lab has no lock to wait for
        if (value === undefined && hasArg()) i++;
        return;
      case '4': case 'M':
        return;
      case '6':
        throw new IptError('', PARAMETER_PROBLEM, 'bare');
      default:
        throw parameter(`unknown option "${shown}"`);
    }
  };

  while (i < argv.length) {
    const a = argv[i++]!;
    if (a === '!') {
      if (inv) throw parameter('multiple consecutive ! not allowed');
      inv = true;
      continue;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const inline = eq >= 0 ? a.slice(eq + 1) : undefined;
      const own = LONG[name] ? [name] : Object.keys(LONG).filter((k) => k.startsWith(name));
      let ext = findExtOption(name);
      if (!LONG[name] && !ext && c.rule.proto && MATCHES[c.rule.proto.name] && !c.rule.matches.some((m) => m.name === c.rule.proto!.name) && Object.keys(MATCHES[c.rule.proto.name]!.options).some((o) => o.startsWith('--' + name))) {
        // `-p tcp --dport 80` loads the tcp match on demand, as iptables' command_default does
        loadMatch(c.rule.proto.name);
        ext = findExtOption(name);
      }
      if (LONG[name] || (!ext && own.length === 1)) {
        const letter = LONG[own[0]!]!;
        let value = inline;
        if (REQUIRED.includes(letter) && value === undefined) {
          if (i >= argv.length) throw parameter(`option "${a}" requires an argument`);
          value = argv[i++];
        }
        option(letter, a, value);
      } else if (ext) {
        const args: string[] = [];
        if (inline !== undefined) args.push(inline);
        while (args.length < ext.nargs) {
          if (i >= argv.length) throw parameter(`option "${a}" requires an argument`);
          args.push(argv[i++]!);
        }
        if (ext.l.kind === 'match') ext.l.match!.opts.push({ flag: ext.flag, args, inv });
        else c.rule.target!.opts.push({ flag: ext.flag, args, inv });
      } else throw parameter(`unknown option "${a}"`);
      inv = false;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const letter = a[j]!;
        const rest = a.slice(j + 1);
        if (REQUIRED.includes(letter)) {
          let value = rest;
          if (!value) {
            if (i >= argv.length) throw parameter(`option "-${letter}" requires an argument`);
            value = argv[i++]!;
          }
          option(letter, `-${letter}`, value);
          break;
        }
        if (OPTIONAL.includes(letter)) {
          option(letter, `-${letter}`, rest || undefined);
          break;
        }
        if (!'Vfbvnx46'.includes(letter)) throw parameter(`unknown option "${a}"`);
        option(letter, `-${letter}`, undefined);
      }
      inv = false;
      continue;
    }
    throw new IptError(`Bad argument \`${a}'\n`, PARAMETER_PROBLEM, 'bare');
  }
  if (c.help || c.version) return c;
  if (c.table === 'nat' && (c.policy === 'DROP' || c.rule.target?.name === 'DROP')) {
    throw parameter('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
  }
  if (!c.cmd) throw parameter('no command specified');
  if (inv) throw parameter('nothing appropriate following !');
  for (const [addr, inverted, key] of [[src, srcInv, 'src'], [dst, dstInv, 'dst']] as const) {
    if (addr === undefined) continue;
    const r = parseIpv4(addr, resolve);
    if ('error' in r) throw parameter(r.error);
    c.rule[key] = { ...r, inv: inverted };
  }
  for (const m of c.rule.matches) {
    const spec = MATCHES[m.name]!;
    if (spec.normalize) m.opts = spec.normalize(m.opts, c.rule.proto?.name);
  }
  const t = c.rule.target && TARGETS[c.rule.target.name];
  if (t?.normalize) c.rule.target!.opts = t.normalize(c.rule.target!.opts, c.rule.proto?.name);
  const legal = c.cmd === 'D' && c.rulenum !== undefined ? DELETE_NUM : LEGAL[c.cmd];
  OPT_LETTERS.forEach((l, k) => {
    if (seen.has(l) && legal[k] === 'x') throw parameter(`Illegal option \`-${l}' with this command\n`);
  });
  if (c.chain !== undefined && c.chain.length >= 29) throw parameter(`chain name \`${c.chain}' too long (must be under 29 chars)`);
  return c;
}
