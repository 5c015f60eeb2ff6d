import type { Clock } from '../base/clock.ts';
import { installBinaries } from './binaries.ts';
import { Host } from './host.ts';
import * as F from './image-files.ts';
import type { FileSystem } from './types.ts';

/** ImageUser is a regular account the image creates. */
export interface ImageUser {
  name: string;
  uid: number;
  /** sudo rights: 'nopasswd' writes /etc/sudoers.d/<name>; 'password' only adds the sudo group; false neither */
  sudo?: 'nopasswd' | 'password' | false;
  shell?: string;
}

/** ImageOptions shapes the default Ubuntu-like image. */
export interface ImageOptions {
  /** regular users; default: candidate (uid 1000) with passwordless sudo */
  users?: ImageUser[];
  /** binaries to install on PATH (usually PROGRAMS from engine/tools/registry.ts) */
  programs?: ReadonlyArray<{ name: string; path: string }>;
  /** other machines of the lab, written to /etc/hosts */
  peers?: ReadonlyArray<{ name: string; ip: string }>;
}

/** DEFAULT_USERS is the exam's single account. */
export const DEFAULT_USERS: ImageUser[] = [{ name: 'candidate', uid: 1000, sudo: 'nopasswd' }];

/** createHost builds a host with the default image installed. */
export function createHost(opts: { name: string; ip: string; clock: Clock } & ImageOptions): Host {
  const host = new Host(opts);
  buildImage(host, opts);
  return host;
}

function dirs(fs: FileSystem, list: Array<[string, number]>): void {
  for (const [p, mode] of list) {
    fs.mkdir(p, { recursive: true });
    fs.chmod(p, mode);
  }
}

/** buildImage writes the Ubuntu-like base system into host's filesystem. */
export function buildImage(host: Host, opts: ImageOptions = {}): void {
  const fs = host.fs;
  const users = opts.users ?? DEFAULT_USERS;
  dirs(fs, [
    ['/usr/bin', 0o755], ['/usr/sbin', 0o755], ['/usr/lib', 0o755], ['/usr/lib64', 0o755], ['/usr/local/bin', 0o755],
    ['/usr/local/sbin', 0o755], ['/usr/share/doc', 0o755], ['/usr/games', 0o755], ['/etc/profile.d', 0o755], ['/etc/sudoers.d', 0o750],
    ['/etc/skel', 0o755], ['/etc/ssh', 0o755], ['/etc/apt/sources.list.d', 0o755], ['/etc/default', 0o755],
    ['/root', 0o700], ['/home', 0o755], ['/tmp', 0o1777], ['/var/tmp', 0o1777], ['/var/log', 0o775], ['/var/lib', 0o755],
    ['/var/cache', 0o755], ['/var/backups', 0o755], ['/var/spool', 0o755], ['/var/mail', 0o2775], ['/opt', 0o755],
    ['/srv', 0o755], ['/mnt', 0o755], ['/media', 0o755], ['/boot', 0o755], ['/run', 0o755], ['/run/sshd', 0o755],
    ['/dev/shm', 0o1777], ['/proc/sys/net/ipv4', 0o555], ['/sys', 0o555], ['/sys/fs/bpf', 0o700], ['/sys/fs/cgroup', 0o555], ['/usr/lib/modules/5.15.0-122-generic', 0o755], ['/snap/bin', 0o755],
  ]);
  fs.chown('/var/log', 0, 104);
  fs.mkdir('/dev', { recursive: true });
  host.files.makeNullDevice('/dev/null');
  for (const [link, target] of [['/bin', 'usr/bin'], ['/sbin', 'usr/sbin'], ['/lib', 'usr/lib'], ['/lib64', 'usr/lib64']] as const) fs.symlink(target, link);
  fs.symlink('/proc/self/fd', '/dev/fd');
  writeAccounts(fs, users);
  const etc: Record<string, string> = {
    '/etc/hostname': host.name + '\n',
    '/etc/hosts': hostsFile(host.name, host.ip, opts.peers ?? []),
    '/etc/os-release': F.OS_RELEASE,
    '/etc/lsb-release': F.LSB_RELEASE,
    '/etc/issue': 'Ubuntu 22.04.5 LTS \\n \\l\n\n',
    '/etc/debian_version': 'bookworm/sid\n',
    '/etc/environment': `PATH="${F.USER_PATH}"\n`,
    '/etc/shells': '# /etc/shells: valid login shells\n/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/usr/bin/sh\n/bin/dash\n/usr/bin/dash\n',
    '/etc/profile': F.ETC_PROFILE,
    '/etc/bash.bashrc': F.BASH_BASHRC,
    '/etc/skel/.bashrc': F.SKEL_BASHRC,
    '/etc/skel/.profile': F.SKEL_PROFILE,
    '/etc/skel/.bash_logout': F.SKEL_BASH_LOGOUT,
    '/etc/resolv.conf': 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n',
    '/etc/timezone': 'Etc/UTC\n',
    '/etc/machine-id': machineId(host.name) + '\n',
    '/root/.bashrc': F.SKEL_BASHRC,
    '/root/.profile': F.ROOT_PROFILE,
    '/var/log/syslog': '',
    '/var/log/auth.log': '',
    '/var/log/dpkg.log': '',
  };
  for (const [p, text] of Object.entries(etc)) fs.writeFile(p, text);
  for (const [p, text] of Object.entries(F.PROC_FILES)) fs.writeFile(p, text, { mode: 0o444 });
  fs.symlink('../etc/os-release', '/usr/lib/os-release');
  fs.writeFile('/etc/sudoers', F.SUDOERS, { mode: 0o440 });
  fs.writeFile('/etc/sudoers.d/README', '#\n# Files in /etc/sudoers.d are read by sudo.\n#\n', { mode: 0o440 });
  for (const u of users) writeHome(fs, u);
  installBinaries(fs, opts.programs ?? []);
  host.procs.spawn({ user: 'root', uid: 0, command: '/sbin/init', state: 'Ss', vszKb: 167748, rssKb: 11368 });
  host.procs.spawn({ user: 'root', uid: 0, command: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', state: 'Ss', vszKb: 15436, rssKb: 9132 });
}

function writeAccounts(fs: FileSystem, users: ImageUser[]): void {
  let passwd = F.SYSTEM_PASSWD;
  let shadow = '';
  for (const line of F.SYSTEM_PASSWD.trim().split('\n')) shadow += `${line.split(':')[0]}:${line.startsWith('root:') ? '*' : '*'}:19000:0:99999:7:::\n`;
  const members = new Map<string, string[]>();
  for (const u of users) {
    passwd += `${u.name}:x:${u.uid}:${u.uid}:,,,:/home/${u.name}:${u.shell ?? '/bin/bash'}\n`;
    shadow += `${u.name}:!:19000:0:99999:7:::\n`;
    const groups = u.sudo === false ? F.DEFAULT_USER_GROUPS.filter((g) => g !== 'sudo') : F.DEFAULT_USER_GROUPS;
    for (const g of groups) members.set(g, [...(members.get(g) ?? []), u.name]);
    if (u.sudo === 'nopasswd') fs.writeFile(`/etc/sudoers.d/${u.name}`, `${u.name} ALL=(ALL) NOPASSWD:ALL\n`, { mode: 0o440 });
  }
  const syslogMembers = new Map([['adm', ['syslog']]]);
  let group = '';
  for (const [name, gid] of F.SYSTEM_GROUPS) group += `${name}:x:${gid}:${[...(syslogMembers.get(name) ?? []), ...(members.get(name) ?? [])].join(',')}\n`;
  for (const u of users) group += `${u.name}:x:${u.uid}:\n`;
  fs.writeFile('/etc/passwd', passwd);
  fs.writeFile('/etc/group', group);
  fs.writeFile('/etc/shadow', shadow, { mode: 0o640, gid: 42 });
  fs.writeFile('/etc/gshadow', group.replace(/:x:\d+:/g, ':*::'), { mode: 0o640, gid: 42 });
}

function writeHome(fs: FileSystem, u: ImageUser): void {
  const home = `/home/${u.name}`;
  fs.mkdir(home, { mode: 0o750 });
  const files: Record<string, string> = {
    '.bashrc': F.SKEL_BASHRC,
    '.profile': F.SKEL_PROFILE,
    '.bash_logout': F.SKEL_BASH_LOGOUT,
    '.bash_aliases': F.LAB_ALIASES,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFile(`${home}/${name}`, text, { uid: u.uid, gid: u.uid });
  fs.chown(home, u.uid, u.uid);
}

function hostsFile(name: string, ip: string, peers: ReadonlyArray<{ name: string; ip: string }>): string {
  let out = `127.0.0.1 localhost\n127.0.1.1 ${name}\n`;
  if (ip) out += `${ip} ${name}\n`;
  for (const p of peers) if (p.name !== name) out += `${p.ip} ${p.name}\n`;
  out += '\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n';
  return out;
}

/** machineId derives a stable 32-hex-digit id from the host name. */
function machineId(name: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 4; round++) {
    for (const c of name + round) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
