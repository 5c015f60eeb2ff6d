import { parseOrUsage, has } from './lib/args.ts';
import { def } from './def.ts';

/** uname prints system information (an Ubuntu 22.04 kernel). */
export const uname = def(
  'uname',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'asnrvmpio', long: { all: 'a', 'kernel-name': 's', nodename: 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm', processor: 'p', 'hardware-platform': 'i', 'operating-system': 'o' } });
    if (typeof a === 'number') return a;
    const f = {
      s: 'Linux', n: p.hostname, r: '5.15.0-122-generic', v: '#132-Ubuntu SMP Thu Aug 29 13:45:52 UTC 2024', m: 'x86_64', p: 'x86_64', i: 'x86_64', o: 'GNU/Linux',
    };
    const all = has(a, 'a');
    const keys = (['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] as const).filter((k) => all || has(a, k));
    p.stdout.write((keys.length ? keys : ['s' as const]).map((k) => f[k]).join(' ') + '\n');
    return 0;
  },
  'uname - print system information\n\nSYNOPSIS\n       uname [OPTION]...\n\nDESCRIPTION\n       -a, --all\n              print all information\n       -r, --kernel-release\n              print the kernel release\n       -n, --nodename\n              print the network node hostname',
);
