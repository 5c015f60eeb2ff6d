import { def } from './def.ts';

/** hostname prints the host name (-i: its address, -f: the FQDN). */
export const hostname = def(
  'hostname',
  async (p) => {
    const a = p.argv[1];
    if (a === '-i' || a === '-I') p.stdout.write(p.sys.hostIp + (a === '-I' ? ' ' : '') + '\n');
    else if (a && !a.startsWith('-')) {
      if (p.user.uid !== 0) {
        p.stderr.write('hostname: you must be root to change the host name\n');
        return 1;
      }
      p.stderr.write('hostname: the host name is fixed by the lab\n');
      return 1;
    } else p.stdout.write(p.hostname + '\n');
    return 0;
  },
  'hostname - show or set the system\'s host name\n\nSYNOPSIS\n       hostname [-i|-I|-f|-s]\n\nDESCRIPTION\n       Display the system\'s host name.  -i displays the network address of the host name.',
);
