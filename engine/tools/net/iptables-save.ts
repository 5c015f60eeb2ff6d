import type { Process } from '../../host/process.ts';
import { VERSION } from './iptables/iptables.ts';
import { rulesetOf } from './iptables/state.ts';

function stamp(ms: number): string {
  // ctime(3) layout: "Mon Jan  5 09:00:17 2026"
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** iptablesSave prints the host's tables (kube-proxy's rules and root's changes) as iptables-save v1.8.7 (nf_tables) does; root only. */
export async function iptablesSave(p: Process): Promise<number> {
  const prog = 'iptables-save';
  const args = p.argv.slice(1);
  let table: string | undefined;
  let counters = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-t' || a === '--table') table = args[++i];
    else if (a.startsWith('--table=')) table = a.slice(8);
    else if (a === '-c' || a === '--counters') counters = true;
    else {
      p.stderr.write(`${prog} ${VERSION} (nf_tables): unrecognized option '${a}'\nUsage: iptables-save [-c] [-t table] [-M path] [-f file]\n`);
      return 1;
    }
  }
  if (table && !['filter', 'nat', 'mangle', 'raw', 'security'].includes(table)) {
    p.stderr.write(`${prog} ${VERSION} (nf_tables): Table does not exist (do you need to insmod?)\n`);
    return 1;
  }
  if (p.user.uid !== 0) {
    p.stderr.write(`${prog} ${VERSION} (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n\n`);
    return 4;
  }
  p.stdout.write(rulesetOf(p).save(stamp(p.sys.runtime.now), table, counters));
  return 0;
}
