import { def } from './def.ts';

/**
 * canonicalName is what the resolver answers for the host's own name: the
 * first name of the /etc/hosts line that lists it (a StatefulSet pod's
 * `web-0.nginx.default.svc.cluster.local`), else the name itself.
 */
function canonicalName(hostsFile: string, name: string): string {
  for (const line of hostsFile.split('\n')) {
    const names = line.replace(/#.*/, '').trim().split(/\s+/).slice(1);
    if (names.includes(name)) return names[0]!;
  }
  return name;
}

/** hostname prints the host name (-i: its address, -f: the FQDN, -s: the short name, -d: the DNS domain). */
export const hostname = def(
  'hostname',
  async (p) => {
    const a = p.argv[1];
    const fqdn = () => {
      let hosts = '';
      try {
        hosts = p.fs.readFile('/etc/hosts');
      } catch {
        // no hosts file: the resolver falls back to the name itself
      }
      return canonicalName(hosts, p.hostname);
    };
    if (a === '-i' || a === '-I') p.stdout.write(p.sys.hostIp + (a === '-I' ? ' ' : '') + '\n');
    else if (a === '-f' || a === '--fqdn' || a === '--long') p.stdout.write(fqdn() + '\n');
    else if (a === '-s' || a === '--short') p.stdout.write(p.hostname.split('.')[0] + '\n');
    else if (a === '-d' || a === '--domain') p.stdout.write(fqdn().split('.').slice(1).join('.') + '\n');
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
  'hostname - show or set the system\'s host name\n\nSYNOPSIS\n       hostname [-i|-I|-f|-s|-d]\n\nDESCRIPTION\n       Display the system\'s host name.  -i displays the network address of the host name, -f the fully qualified name, -s the short name, -d the DNS domain.',
);
