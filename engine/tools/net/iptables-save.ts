import type { Process } from '../../host/process.ts';
import { iptablesSave as renderRules } from '../../network/kube-proxy/iptables.ts';
import { proxyOn } from '../../network/kube-proxy/registry.ts';

/** iptablesSave prints the node's kube-proxy rules (filter and nat tables) as iptables-save does; root only. */
export async function iptablesSave(p: Process): Promise<number> {
  if (p.user.uid !== 0) {
    p.stderr.write('iptables-save v1.8.7 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n\n');
    return 1;
  }
  const args = p.argv.slice(1);
  let table: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-t' || a === '--table') table = args[++i];
    else if (a.startsWith('--table=')) table = a.slice(8);
    else if (a === '-c' || a === '--counters') continue;
    else {
      p.stderr.write(`iptables-save v1.8.7 (nf_tables): unrecognized option '${a}'\nUsage: iptables-save [-c] [-t table] [-M path] [-f file]\n`);
      return 1;
    }
  }
  if (table && !['filter', 'nat', 'mangle', 'raw', 'security'].includes(table)) {
    p.stderr.write(`iptables-save v1.8.7 (nf_tables): Table does not exist (do you need to insmod?)\n`);
    return 1;
  }
  const view = proxyOn(p.sys.net, p.hostname);
  if (!view || table === 'mangle' || table === 'raw' || table === 'security') return 0;
  p.stdout.write(renderRules(view, p.sys.runtime.now, table));
  return 0;
}
