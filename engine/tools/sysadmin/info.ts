import type { Process } from '../../host/process.ts';
import { formatTimestamp } from '../../host/journal/time.ts';
import { systemdOf } from '../../host/systemd/registry.ts';

const p2 = (n: number) => String(n).padStart(2, '0');

function bootTime(p: Process): number {
  return systemdOf(p)?.bootTime ?? p.sys.runtime.now;
}

function loadavg(p: Process): string[] {
  try {
    return p.fs.readFile('/proc/loadavg').split(' ').slice(0, 3);
  } catch {
    return ['0.00', '0.00', '0.00'];
  }
}

/** runUptime is /usr/bin/uptime (procps): " 09:05:00 up 5 min,  1 user,  load average: …", -p and -s. */
export async function runUptime(p: Process): Promise<number> {
  const now = p.sys.runtime.now;
  const boot = bootTime(p);
  const up = Math.floor((now - boot) / 60000);
  const days = Math.floor(up / 1440);
  const hours = Math.floor((up % 1440) / 60);
  const mins = up % 60;
  const args = p.argv.slice(1);
  if (args.includes('-s') || args.includes('--since')) {
    p.stdout.write(new Date(boot).toISOString().replace('T', ' ').slice(0, 19) + '\n');
    return 0;
  }
  if (args.includes('-p') || args.includes('--pretty')) {
    const parts: string[] = [];
    if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`);
    if (hours) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
    if (mins || parts.length === 0) parts.push(`${mins} minute${mins === 1 ? '' : 's'}`);
    p.stdout.write(`up ${parts.join(', ')}\n`);
    return 0;
  }
  const d = new Date(now);
  let s = ` ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} up `;
  if (days) s += `${days} day${days === 1 ? '' : 's'}, `;
  s += hours ? `${String(hours).padStart(2)}:${p2(mins)}, ` : `${mins} min, `;
  const ttys = new Set((p.sys.processes?.() ?? []).map((x) => x.tty).filter((t) => t.startsWith('pts/')));
  const users = Math.max(1, ttys.size);
  const [a, b, c] = loadavg(p);
  s += ` ${users} user${users === 1 ? '' : 's'},  load average: ${a}, ${b}, ${c}\n`;
  p.stdout.write(s);
  return 0;
}

/** runTimedatectl is /usr/bin/timedatectl status (the lab's clocks are UTC and synchronised). */
export async function runTimedatectl(p: Process): Promise<number> {
  const verb = p.argv[1] ?? 'status';
  if (verb !== 'status' && verb !== 'show' && p.user.uid !== 0) {
    p.stderr.write('Failed to set time zone: Interactive authentication required.\n');
    return 1;
  }
  if (verb === 'list-timezones') {
    p.stdout.write('Etc/UTC\nUTC\n');
    return 0;
  }
  if (verb !== 'status') return 0;
  const now = p.sys.runtime.now;
  const t = formatTimestamp(now);
  p.stdout.write(`               Local time: ${t}\n           Universal time: ${t}\n                 RTC time: ${t.replace(/ UTC$/, '')}\n                Time zone: Etc/UTC (UTC, +0000)\nSystem clock synchronized: yes\n              NTP service: active\n          RTC in local TZ: no\n`);
  return 0;
}

/** runHostnamectl is /usr/bin/hostnamectl: status, and set-hostname for root (writes /etc/hostname). */
export async function runHostnamectl(p: Process): Promise<number> {
  const [verb = 'status', arg] = p.argv.slice(1).filter((a) => !a.startsWith('--'));
  if (verb === 'set-hostname' || verb === 'hostname') {
    if (!arg) {
      p.stdout.write(p.hostname + '\n');
      return 0;
    }
    if (p.user.uid !== 0) {
      p.stderr.write('Could not set static hostname: Interactive authentication required.\n');
      return 1;
    }
    p.fs.writeFile('/etc/hostname', arg + '\n');
    return 0;
  }
  let machine = '';
  try {
    machine = p.fs.readFile('/etc/machine-id').trim();
  } catch {
    machine = '';
  }
  const boot = machine.split('').reverse().join('');
  p.stdout.write(` Static hostname: ${p.hostname}\n       Icon name: computer-vm\n         Chassis: vm\n      Machine ID: ${machine}\n         Boot ID: ${boot}\n  Virtualization: kvm\nOperating System: Ubuntu 22.04.5 LTS\n          Kernel: Linux 5.15.0-122-generic\n    Architecture: x86-64\n Hardware Vendor: QEMU\n  Hardware Model: Standard PC _i440FX + PIIX, 1996_\n`);
  return 0;
}
