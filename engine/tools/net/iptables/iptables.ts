import type { Process } from '../../../host/process.ts';
import { MATCHES, TARGETS } from './extensions.ts';
import { list, listRules } from './list.ts';
import { parseCommand, type Command } from './parse.ts';
import { recordChange, rulesetOf } from './state.ts';
import { IptError, PARAMETER_PROBLEM, RESOURCE_PROBLEM, VERSION_PROBLEM } from './types.ts';

/**
 * /usr/sbin/iptables as Ubuntu 22.04 ships it: iptables v1.8.7 with the
 * nf_tables backend. It reads and changes the host's tables (state.ts);
 * kube-proxy's rules are there on every node that runs it.
 */

export const VERSION = 'v1.8.7';

const HELP = (n: string) => `${n} ${VERSION}

Usage: ${n} -[ACD] chain rule-specification [options]
	${n} -I chain [rulenum] rule-specification [options]
	${n} -R chain rulenum rule-specification [options]
	${n} -D chain rulenum [options]
	${n} -[LS] [chain [rulenum]] [options]
	${n} -[FZ] [chain] [options]
	${n} -[NX] chain
	${n} -E old-chain-name new-chain-name
	${n} -P chain target [options]
	${n} -h (print this help information)

Commands:
Either long or short options are allowed.
  --append  -A chain		Append to chain
  --check   -C chain		Check for the existence of a rule
  --delete  -D chain		Delete matching rule from chain
  --delete  -D chain rulenum
				Delete rule rulenum (1 = first) from chain
  --insert  -I chain [rulenum]
				Insert in chain as rulenum (default 1=first)
  --replace -R chain rulenum
				Replace rule rulenum (1 = first) in chain
  --list    -L [chain [rulenum]]
				List the rules in a chain or all chains
  --list-rules -S [chain [rulenum]]
				Print the rules in a chain or all chains
  --flush   -F [chain]		Delete all rules in  chain or all chains
  --zero    -Z [chain [rulenum]]
				Zero counters in chain or all chains
  --new     -N chain		Create a new user-defined chain
  --delete-chain
	     -X [chain]		Delete a user-defined chain
  --policy  -P chain target
				Change policy on chain to target
  --rename-chain
	     -E old-chain new-chain
				Change chain name, (moving any references)
Options:
    --ipv4	-4		Nothing (line is ignored by ip6tables-restore)
    --ipv6	-6		Error (line is ignored by iptables-restore)
[!] --proto	-p proto	protocol: by number or name, eg. \`tcp'
[!] --source	-s address[/mask][...]
				source specification
[!] --destination -d address[/mask][...]
				destination specification
[!] --in-interface -i input name[+]
				network interface name ([+] for wildcard)
 --jump	-j target
				target for rule (may load target extension)
  --goto      -g chain
			       jump to chain with no return
  --match	-m match
				extended match (may load extension)
  --numeric	-n		numeric output of addresses and ports
[!] --out-interface -o output name[+]
				network interface name ([+] for wildcard)
  --table	-t table	table to manipulate (default: \`filter')
  --verbose	-v		verbose mode
  --wait	-w [seconds]	maximum wait to acquire xtables lock before give up
  --wait-interval -W [usecs]	wait time to try to acquire xtables lock
				default is 1 second
  --line-numbers		print line numbers when listing
  --exact	-x		expand numbers (display exact values)
[!] --fragment	-f		match second or further fragments only
  --modprobe=<command>		try to insert modules using this command
  --set-counters PKTS BYTES	set the counter during insert/append
[!] --version	-V		print package version.
`;

/** errorText is how xtables prints an IptError (xtables_exit_error, exit_tryhelp, xtables_main). */
export function errorText(prog: string, e: IptError): string {
  const tryHelp = `Try \`${prog} -h' or '${prog} --help' for more information.\n`;
  if (e.style === 'main') return `${prog}: ${e.text}.\n`;
  if (e.style === 'bare') return e.text + tryHelp;
  let out = `${prog} ${VERSION} (nf_tables): ${e.text}\n`;
  if (e.code === PARAMETER_PROBLEM) out += tryHelp;
  if (e.code === VERSION_PROBLEM) out += 'Perhaps iptables or your kernel needs to be upgraded.\n';
  return out;
}

/** hostsLookup is the name /etc/hosts gives an address (what -L shows without -n). */
function hostsLookup(p: Process): (ip: string) => string | undefined {
  let text = '';
  try {
    text = p.fs.readFile('/etc/hosts');
  } catch {
    // no hosts file: addresses stay numeric
  }
  const names = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [ip, name] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (ip && name && !names.has(ip)) names.set(ip, name);
  }
  return (ip) => names.get(ip);
}

/** runIptables is the program. */
export async function runIptables(p: Process): Promise<number> {
  const prog = 'iptables';
  const argv = p.argv.slice(1);
  try {
    const lookup = hostsLookup(p);
    const c = parseCommand(argv, (name) => {
      for (const line of (p.fs.exists('/etc/hosts') ? p.fs.readFile('/etc/hosts') : '').split('\n')) {
        const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
        if (ip && names.includes(name) && /^\d+\.\d+\.\d+\.\d+$/.test(ip)) return ip;
      }
      return undefined;
    });
    if (c.version) {
      p.stdout.write(`${prog} ${VERSION} (nf_tables)\n`);
      return 0;
    }
    if (c.help) {
      p.stdout.write(HELP(prog));
      return 0;
    }
    if (p.user.uid !== 0) throw new IptError('Could not fetch rule set generation id: Permission denied (you must be root)\n', RESOURCE_PROBLEM);
    const rs = rulesetOf(p);
    if (c.cmd === 'L') {
      p.stdout.write(list(rs, c, { hostName: lookup }));
      return 0;
    }
    if (c.cmd === 'S') {
      p.stdout.write(listRules(rs, c));
      return 0;
    }
    const out = rs.apply(c);
    if (c.verbose && 'AIDRC'.includes(c.cmd!) && !(c.cmd === 'D' && c.rulenum !== undefined)) p.stdout.write(verboseRule(c));
    p.stdout.write(out);
    if (c.cmd !== 'C' && c.cmd !== 'Z') recordChange(p, argv);
    return 0;
  } catch (e) {
    if (!(e instanceof IptError)) throw e;
    p.stderr.write(errorText(prog, e));
    return e.code;
  }
}

/** verboseRule is the line -v prints for a rule it adds, checks or deletes (print_rule with FMT_NOTABLE: numeric, no padding). */
function verboseRule(c: Command): string {
  const r = c.rule;
  const bang = (inv: boolean | undefined) => (inv ? '!' : ' ');
  const iface = (x: { name: string; inv: boolean } | undefined) => (x ? (x.inv ? '!' : '') + x.name : '*');
  const a = (x: typeof r.src) => (x && x.len > 0 ? x.ip + (x.len === 32 ? '' : `/${x.len}`) : '0.0.0.0/0');
  let out = `${r.target?.name ?? ''} ${bang(r.proto?.inv)}${r.proto?.name ?? 'all'} opt ${r.frag?.inv ? '!' : '-'}${r.frag ? 'f' : '-'} `;
  out += `in ${iface(r.inIface)} out ${iface(r.outIface)} `;
  out += `${bang(r.src?.inv)}${a(r.src)} ${bang(r.dst?.inv)}-> ${a(r.dst)}  `;
  if (r.target?.goto) out += '[goto] ';
  for (const m of r.matches) out += MATCHES[m.name]!.print(m.opts, true, r.proto?.name);
  const t = r.target && TARGETS[r.target.name];
  if (t) out += t.print(r.target!.opts, true, r.proto?.name);
  return out + '\n';
}
