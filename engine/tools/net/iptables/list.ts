import { MATCHES, TARGETS } from './extensions.ts';
import type { Command } from './parse.ts';
import { isBuiltin, ruleSpec, type Ruleset } from './ruleset.ts';
import { IptError, OTHER_PROBLEM, type Addr, type Chain, type Rule, type Table } from './types.ts';

/**
 * `iptables -L` and `iptables -S`, laid out as nft_rule_list and
 * nft_rule_list_save print them (print_header, print_rule_details,
 * print_ifaces, print_ipv4_addresses in iptables 1.8.7). Counters are
 * always zero: the lab does not count packets.
 */

/** ListOptions are the -L flags, plus a name lookup for addresses when -n is not given. */
export interface ListOptions {
  hostName?: (ip: string) => string | undefined;
}

const NO_CHAIN = () => new IptError('No chain/target/match by that name', OTHER_PROBLEM, 'main');

function header(c: Command, chain: Chain, refs: number): string {
  let out = `Chain ${chain.name}`;
  out += chain.policy ? ` (policy ${chain.policy}${c.verbose ? ' 0 packets, 0 bytes' : ''})\n` : ` (${refs} references)\n`;
  if (c.lineNumbers) out += 'num  ';
  if (c.verbose) out += c.exact ? '    pkts      bytes ' : ' pkts bytes ';
  out += 'target    ' + ' prot ' + 'opt';
  if (c.verbose) out += ' in     out    ';
  out += ' source              ' + ' destination         ';
  return out + '\n';
}

function addr(a: Addr | undefined, numeric: boolean, o: ListOptions): string {
  if (!a || a.len === 0) return numeric ? '0.0.0.0/0' : 'anywhere';
  const name = numeric ? a.ip : (o.hostName?.(a.ip) ?? a.ip);
  return name + (a.len === 32 ? '' : `/${a.len}`);
}

function ruleLine(c: Command, r: Rule, num: number, o: ListOptions): string {
  let out = '';
  if (c.lineNumbers) out += String(num).padEnd(4) + ' ';
  if (c.verbose) out += c.exact ? '       0        0 ' : '    0     0 ';
  out += (r.target?.name ?? '').padEnd(9) + ' ';
  out += (r.proto?.inv ? '!' : ' ') + (r.proto?.name ?? 'all').padEnd(5);
  out += (r.frag?.inv ? '!' : '-') + (r.frag ? 'f' : '-') + ' ';
  if (c.verbose) {
    const any = c.numeric ? '*' : 'any';
    const iface = (x: { name: string; inv: boolean } | undefined) => (x ? (x.inv ? '!' : '') + x.name : any);
    out += ' ' + iface(r.inIface).padEnd(6) + ' ' + iface(r.outIface).padEnd(6) + ' ';
  }
  out += (r.src?.inv ? '!' : ' ') + addr(r.src, c.numeric, o).padEnd(19) + ' ';
  out += (r.dst?.inv ? '!' : ' ') + addr(r.dst, c.numeric, o).padEnd(19) + ' ';
  if (r.target?.goto) out += '[goto] ';
  for (const m of r.matches) out += MATCHES[m.name]!.print(m.opts, c.numeric, r.proto?.name);
  const t = r.target && TARGETS[r.target.name];
  if (t) out += t.print(r.target!.opts, c.numeric, r.proto?.name);
  return out + '\n';
}

function findChain(t: Table, name: string): Chain {
  const ch = t.chains.find((x) => x.name === name);
  if (!ch) throw NO_CHAIN();
  return ch;
}

/** list is `iptables [-t table] -L [chain [rulenum]] [-n] [-v] [-x] [--line-numbers]`. */
export function list(rs: Ruleset, c: Command, o: ListOptions = {}): string {
  const t = rs.view(c.table);
  const chains = c.chain !== undefined ? [findChain(t, c.chain)] : t.chains;
  if (c.chain !== undefined && c.rulenum !== undefined) {
    const r = chains[0]!.rules[c.rulenum - 1];
    return r ? ruleLine(c, r, c.rulenum, o) : '';
  }
  return chains.map((ch) => header(c, ch, rs.refs(t, ch.name)) + ch.rules.map((r, i) => ruleLine(c, r, i + 1, o)).join('')).join('\n');
}

/** listRules is `iptables [-t table] -S [chain [rulenum]] [-v]`. */
export function listRules(rs: Ruleset, c: Command): string {
  const t = rs.view(c.table);
  const chains = c.chain !== undefined ? [findChain(t, c.chain)] : t.chains;
  const counters = c.verbose > 0;
  const head = (ch: Chain) => (isBuiltin(c.table, ch.name) ? `-P ${ch.name} ${ch.policy}${counters ? ' -c 0 0' : ''}\n` : `-N ${ch.name}\n`);
  if (c.chain !== undefined && c.rulenum !== undefined) {
    const r = chains[0]!.rules[c.rulenum - 1];
    return r ? `-A ${chains[0]!.name} ${ruleSpec(r, counters)}\n` : '';
  }
  return chains.map(head).join('') + chains.map((ch) => ch.rules.map((r) => `-A ${ch.name} ${ruleSpec(r, counters)}\n`).join('')).join('');
}
