import { ICMP_TYPES, serviceName, servicePort } from './services.ts';
import { IptError, PARAMETER_PROBLEM, type Opt } from './types.ts';

/**
 * The match and target extensions the lab's rules use (libxt_*.c,
 * libipt_*.c): which options each takes, how iptables canonicalises them,
 * and how `iptables -L` and `iptables-save` print them. Print texts begin
 * with a space, as the extensions' print functions do.
 */

/** ExtSpec describes one extension. */
export interface ExtSpec {
  /** long options and how many arguments each takes */
  options: Record<string, number>;
  /** other spellings of an option */
  aliases?: Record<string, string>;
  /** canonical options (order, values) after parsing; the proto is the rule's -p */
  normalize?(opts: Opt[], proto: string | undefined): Opt[];
  /** what -L prints for it */
  print(opts: Opt[], numeric: boolean, proto: string | undefined): string;
  /** what iptables-save prints after `-m name` / `-j NAME` (default: the options as given) */
  save?(opts: Opt[]): string;
}

const parameter = (msg: string) => new IptError(msg, PARAMETER_PROBLEM);

/** saveString quotes a value as xtables_save_string does: bare only when it is all [A-Za-z0-9_-]. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return ' ' + value;
  return ' "' + value.replace(/["\\']/g, (c) => '\\' + c) + '"';
}

function genericSave(opts: Opt[]): string {
  return opts.map((o) => `${o.inv ? ' !' : ''} ${o.flag}${o.args.map((a) => ' ' + a).join('')}`).join('');
}

const get = (opts: Opt[], flag: string) => opts.find((o) => o.flag === flag);

function order(opts: Opt[], flags: string[]): Opt[] {
  return [...opts].sort((a, b) => flags.indexOf(a.flag) - flags.indexOf(b.flag));
}

/** ports canonicalises "80", "http" or "1000:2000" to numbers. */
function portSpec(arg: string, proto: string): string {
  const parts = arg.split(':');
  const nums = parts.map((x, i) => (x === '' ? (i === 0 ? 0 : 65535) : servicePort(x, proto)));
  if (parts.length > 2 || nums.some((n) => n === undefined)) throw parameter(`invalid port/service \`${nums.findIndex((n) => n === undefined) >= 0 ? parts[nums.findIndex((n) => n === undefined)] : arg}' specified`);
  return nums.length === 2 && nums[0] !== nums[1] ? `${nums[0]}:${nums[1]}` : String(nums[0]);
}

function printPorts(label: string, o: Opt | undefined, numeric: boolean, proto: string): string {
  if (!o) return '';
  const name = (n: string) => (numeric ? n : (serviceName(Number(n), proto) ?? n));
  const inv = o.inv ? '!' : '';
  const [lo, hi] = o.args[0]!.split(':');
  return hi === undefined ? ` ${label}:${inv}${name(lo!)}` : ` ${label}s:${inv}${name(lo!)}:${name(hi)}`;
}

function portMatch(proto: 'tcp' | 'udp'): ExtSpec {
  const flags = ['--sport', '--dport', '--tcp-option', '--tcp-flags'];
  return {
    options: proto === 'tcp' ? { '--sport': 1, '--dport': 1, '--tcp-flags': 2, '--syn': 0, '--tcp-option': 1 } : { '--sport': 1, '--dport': 1 },
    aliases: { '--source-port': '--sport', '--destination-port': '--dport' },
    normalize: (opts) =>
      order(
        opts.map((o) => {
          if (o.flag === '--syn') return { flag: '--tcp-flags', args: ['FIN,SYN,RST,ACK', 'SYN'], inv: o.inv };
          if (o.flag === '--sport' || o.flag === '--dport') return { ...o, args: [portSpec(o.args[0]!, proto)] };
          return o;
        }),
        flags,
      ),
    print: (opts, numeric) => {
      let out = ` ${proto}` + printPorts('spt', get(opts, '--sport'), numeric, proto) + printPorts('dpt', get(opts, '--dport'), numeric, proto);
      const opt = get(opts, '--tcp-option');
      if (opt) out += ` option=${opt.inv ? '!' : ''}${opt.args[0]}`;
      const fl = get(opts, '--tcp-flags');
      if (fl) out += ` flags:${fl.inv ? '!' : ''}${fl.args[0]}/${fl.args[1]}`;
      return out;
    },
  };
}

const STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

function stateList(arg: string): string {
  const names = arg.split(',').map((s) => s.toUpperCase());
  for (const n of names) if (!STATES.includes(n)) throw parameter(`Bad ctstate "${n}"`);
  return STATES.filter((s) => names.includes(s)).join(',');
}

/** markValue parses "0x4000" or "0x4000/0x4000" (or decimal) into value and mask. */
function markValue(arg: string): [number, number] {
  const [v, m] = arg.split('/');
  const num = (s: string) => (/^0x[0-9a-f]+$/i.test(s) ? parseInt(s, 16) : /^\d+$/.test(s) ? Number(s) : NaN);
  const value = num(v!);
  const mask = m === undefined ? 0xffffffff : num(m);
  if (Number.isNaN(value) || Number.isNaN(mask)) throw parameter(`Bad MARK value "${arg}"`);
  return [value >>> 0, mask >>> 0];
}

const hex = (n: number) => '0x' + (n >>> 0).toString(16);

function markMask([v, m]: [number, number]): string {
  return m === 0xffffffff ? hex(v) : `${hex(v)}/${hex(m)}`;
}

/** probability rounds as the kernel stores it (a 31-bit fraction), so 0.3333333333 prints 0.33333333349. */
function probability(arg: string): string {
  const p = Number(arg);
  if (!Number.isFinite(p) || p < 0 || p > 1) throw parameter(`Bad value for option "--probability", or out of range (0-1).`);
  return (Math.round(p * 0x80000000) / 0x80000000).toFixed(11);
}

const LIMIT_UNITS: Array<[string, string]> = [['s', 'sec'], ['m', 'min'], ['h', 'hour'], ['d', 'day']];

function limitRate(arg: string): string {
  const m = /^(\d+)(?:\/([a-z]+))?$/.exec(arg);
  const unit = m?.[2] ? LIMIT_UNITS.find(([first, full]) => m[2] === full || full.startsWith(m[2]!) || m[2]![0] === first) : LIMIT_UNITS[0];
  if (!m || !unit) throw parameter(`bad rate "${arg}'`);
  return `${m[1]}/${unit[1]}`;
}

const LOG_LEVELS: Array<[string, number]> = [['alert', 1], ['crit', 2], ['debug', 7], ['emerg', 0], ['error', 3], ['info', 6], ['notice', 5], ['panic', 0], ['warning', 4]];

function icmpType(arg: string): string {
  if (/^\d+(\/\d+)?$/.test(arg)) return arg;
  const t = ICMP_TYPES.find((x) => x.name === arg);
  if (!t) throw parameter(`Invalid ICMP type \`${arg}'`);
  return t.code === undefined ? String(t.type) : `${t.type}/${t.code}`;
}

/** MATCHES are the match extensions (`-m name`). */
export const MATCHES: Record<string, ExtSpec> = {
  tcp: portMatch('tcp'),
  udp: portMatch('udp'),
  icmp: {
    options: { '--icmp-type': 1 },
    normalize: (opts) => opts.map((o) => ({ ...o, args: [icmpType(o.args[0]!)] })),
    print: (opts, numeric) => {
      const o = get(opts, '--icmp-type');
      if (!o) return ' icmp any';
      const [type, code] = o.args[0]!.split('/').map(Number);
      const named = ICMP_TYPES.find((x) => x.type === type && x.code === code);
      if (!numeric && named) return ` icmp${o.inv ? ' !' : ''}${' ' + named.name}`;
      return ` icmp${o.inv ? ' !' : ''} type ${type}${code !== undefined ? ` code ${code}` : ''}`;
    },
    save: (opts) => opts.map((o) => `${o.inv ? ' !' : ''} --icmp-type ${o.args[0]}`).join(''),
  },
  comment: {
    options: { '--comment': 1 },
    print: (opts) => opts.map((o) => ` /* ${o.args[0]} */`).join(''),
    save: (opts) => opts.map((o) => ' --comment' + saveString(o.args[0]!)).join(''),
  },
  conntrack: {
    options: { '--ctstate': 1, '--ctproto': 1 },
    normalize: (opts) => opts.map((o) => (o.flag === '--ctstate' ? { ...o, args: [stateList(o.args[0]!)] } : o)),
    print: (opts) => opts.map((o) => `${o.inv ? ' !' : ''} ${o.flag.slice(2)} ${o.args[0]}`).join(''),
  },
  state: {
    options: { '--state': 1 },
    normalize: (opts) => opts.map((o) => ({ ...o, args: [stateList(o.args[0]!)] })),
    print: (opts) => opts.map((o) => `${o.inv ? ' !' : ''} state ${o.args[0]}`).join(''),
  },
  mark: {
    options: { '--mark': 1 },
    normalize: (opts) => opts.map((o) => ({ ...o, args: [markMask(markValue(o.args[0]!))] })),
    print: (opts) => opts.map((o) => ` mark match${o.inv ? ' !' : ''} ${o.args[0]}`).join(''),
  },
  addrtype: {
    options: { '--src-type': 1, '--dst-type': 1, '--limit-iface-in': 0, '--limit-iface-out': 0 },
    normalize: (opts) => order(opts.map((o) => (o.args[0] ? { ...o, args: [o.args[0].toUpperCase()] } : o)), ['--src-type', '--dst-type', '--limit-iface-in', '--limit-iface-out']),
    print: (opts) =>
      ' ADDRTYPE match' +
      opts.map((o) => (o.args.length ? ` ${o.flag.slice(2)} ${o.inv ? '!' : ''}${o.args[0]}` : o.flag === '--limit-iface-in' ? ' limit-in' : ' limit-out')).join(''),
  },
  statistic: {
    options: { '--mode': 1, '--probability': 1, '--every': 1, '--packet': 1 },
    normalize: (opts) => {
      const mode = get(opts, '--mode')?.args[0];
      if (mode !== 'random' && mode !== 'nth') throw parameter(`Bad mode "${mode ?? ''}"`);
      const out = order(opts.map((o) => (o.flag === '--probability' ? { ...o, args: [probability(o.args[0]!)] } : o)), ['--mode', '--probability', '--every', '--packet']);
      if (mode === 'nth' && !get(out, '--packet')) out.push({ flag: '--packet', args: ['0'], inv: false });
      return out;
    },
    print: (opts) => {
      const mode = get(opts, '--mode')!.args[0];
      if (mode === 'random') {
        const p = get(opts, '--probability');
        return ` statistic mode random${p?.inv ? ' !' : ''} probability ${p?.args[0] ?? '0.00000000000'}`;
      }
      const every = get(opts, '--every');
      const packet = get(opts, '--packet')?.args[0] ?? '0';
      return ` statistic mode nth${every?.inv ? ' !' : ''} every ${every?.args[0] ?? '1'}${packet !== '0' ? ` packet ${packet}` : ''}`;
    },
  },
  multiport: {
    options: { '--dports': 1, '--sports': 1, '--ports': 1 },
    aliases: { '--destination-ports': '--dports', '--source-ports': '--sports' },
    print: (opts, numeric, proto) =>
      ' multiport' +
      opts
        .map((o) => `${o.flag === '--dports' ? ' dports' : o.flag === '--sports' ? ' sports' : ' ports'}${o.inv ? ' !' : ''} ${o.args[0]!.split(',').map((p) => (numeric ? p : (serviceName(Number(p), proto ?? 'tcp') ?? p))).join(',')}`)
        .join(''),
    normalize: (opts, proto) => opts.map((o) => ({ ...o, args: [o.args[0]!.split(',').map((p) => portSpec(p, proto ?? 'tcp')).join(',')] })),
  },
  nfacct: {
    options: { '--nfacct-name': 1 },
    print: (opts) => opts.map((o) => ' nfacct-name ' + saveString(o.args[0]!)).join(''),
    save: (opts) => opts.map((o) => ' --nfacct-name ' + saveString(o.args[0]!)).join(''),
  },
  limit: {
    options: { '--limit': 1, '--limit-burst': 1 },
    normalize: (opts) => [
      { flag: '--limit', args: [limitRate(get(opts, '--limit')?.args[0] ?? '3/hour')], inv: false },
      { flag: '--limit-burst', args: [get(opts, '--limit-burst')?.args[0] ?? '5'], inv: false },
    ],
    print: (opts) => ` limit: avg ${get(opts, '--limit')!.args[0]} burst ${get(opts, '--limit-burst')!.args[0]}`,
  },
};

const REJECT_WITH: Array<[string, string]> = [
  ['icmp-net-unreachable', 'net-unreach'], ['icmp-host-unreachable', 'host-unreach'], ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'], ['icmp-net-prohibited', 'net-prohib'], ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'], ['icmp-admin-prohibited', 'admin-prohib'],
];

function flagsPrint(opts: Opt[], names: Record<string, string>): string {
  return opts.filter((o) => names[o.flag]).map((o) => ' ' + names[o.flag]).join('');
}

/** TARGETS are the target extensions (`-j NAME`); ACCEPT, DROP, RETURN and user chains are standard targets. */
export const TARGETS: Record<string, ExtSpec> = {
  REJECT: {
    options: { '--reject-with': 1 },
    normalize: (opts) => {
      const want = get(opts, '--reject-with')?.args[0] ?? 'icmp-port-unreachable';
      const hit = REJECT_WITH.find(([name, alias]) => want === name || want === alias);
      if (!hit) throw parameter(`unknown reject type "${want}"`);
      return [{ flag: '--reject-with', args: [hit[0]], inv: false }];
    },
    print: (opts) => ` reject-with ${opts[0]!.args[0]}`,
  },
  DNAT: {
    options: { '--to-destination': 1, '--random': 0, '--persistent': 0 },
    normalize: (opts) => order(opts, ['--to-destination', '--random', '--persistent']),
    print: (opts) => (get(opts, '--to-destination') ? ` to:${get(opts, '--to-destination')!.args[0]}` : '') + flagsPrint(opts, { '--random': 'random', '--persistent': 'persistent' }),
  },
  SNAT: {
    options: { '--to-source': 1, '--random': 0, '--random-fully': 0, '--persistent': 0 },
    normalize: (opts) => order(opts, ['--to-source', '--random', '--random-fully', '--persistent']),
    print: (opts) => (get(opts, '--to-source') ? ` to:${get(opts, '--to-source')!.args[0]}` : '') + flagsPrint(opts, { '--random': 'random', '--random-fully': 'random-fully', '--persistent': 'persistent' }),
  },
  MASQUERADE: {
    options: { '--to-ports': 1, '--random': 0, '--random-fully': 0 },
    normalize: (opts) => order(opts, ['--to-ports', '--random', '--random-fully']),
    print: (opts) => (get(opts, '--to-ports') ? ` masq ports: ${get(opts, '--to-ports')!.args[0]}` : '') + flagsPrint(opts, { '--random': 'random', '--random-fully': 'random-fully' }),
  },
  MARK: {
    options: { '--set-xmark': 1, '--set-mark': 1, '--and-mark': 1, '--or-mark': 1, '--xor-mark': 1 },
    normalize: (opts) => {
      const o = opts[opts.length - 1];
      if (!o) throw parameter('MARK target: Parameter --set/and/or/xor-mark is required');
      const [v, m] = markValue(o.args[0]!);
      const xmark: [number, number] =
        o.flag === '--set-xmark' ? [v, m] : o.flag === '--set-mark' ? [v, m === 0xffffffff ? 0xffffffff : (v | m) >>> 0] : o.flag === '--and-mark' ? [0, ~v >>> 0] : o.flag === '--or-mark' ? [v, v] : [v, 0];
      return [{ flag: '--set-xmark', args: [`${hex(xmark[0])}/${hex(xmark[1])}`], inv: false }];
    },
    print: (opts) => {
      const [mark, mask] = markValue(opts[0]!.args[0]!);
      if (mark === 0) return ` MARK and ${hex(~mask >>> 0)}`;
      if (mark === mask) return ` MARK or ${hex(mark)}`;
      if (mask === 0) return ` MARK xor ${hex(mark)}`;
      if (mask === 0xffffffff) return ` MARK set ${hex(mark)}`;
      return ` MARK xset ${hex(mark)}/${hex(mask)}`;
    },
  },
  LOG: {
    options: { '--log-prefix': 1, '--log-level': 1 },
    normalize: (opts) => {
      const out: Opt[] = [];
      const prefix = get(opts, '--log-prefix');
      if (prefix) out.push(prefix);
      const level = get(opts, '--log-level')?.args[0];
      if (level !== undefined) {
        const n = /^\d+$/.test(level) ? Number(level) : LOG_LEVELS.find(([name]) => name === level)?.[1];
        if (n === undefined || n > 7) throw parameter(`log-level \`${level}' unknown`);
        if (n !== 4) out.push({ flag: '--log-level', args: [String(n)], inv: false });
      }
      return out;
    },
    print: (opts, numeric) => {
      const level = Number(get(opts, '--log-level')?.args[0] ?? 4);
      const prefix = get(opts, '--log-prefix')?.args[0];
      const lv = numeric ? ` flags 0 level ${level}` : ` level ${LOG_LEVELS.find(([, n]) => n === level)![0]}`;
      return ' LOG' + lv + (prefix ? ` prefix "${prefix}"` : '');
    },
    save: (opts) => opts.map((o) => (o.flag === '--log-prefix' ? ' --log-prefix' + saveString(o.args[0]!) : ` --log-level ${o.args[0]}`)).join(''),
  },
};

/** STANDARD_TARGETS need no extension. */
export const STANDARD_TARGETS = ['ACCEPT', 'DROP', 'RETURN', 'QUEUE'];

/** extSave is what iptables-save prints for an extension's options. */
export function extSave(spec: ExtSpec | undefined, opts: Opt[]): string {
  return spec?.save ? spec.save(opts) : genericSave(opts);
}
