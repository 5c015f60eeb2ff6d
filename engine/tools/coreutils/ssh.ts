import type { Process } from '../../host/process.ts';
import { def } from './def.ts';

/** resolveHost finds which lab machine a name means: a machine name, an /etc/hosts alias, or an address. */
function resolveHost(p: Process, name: string): { host?: string; error?: string } {
  const machines = p.sys.machines();
  if (machines.includes(name)) return { host: name };
  let ip: string | undefined;
  try {
    for (const line of p.fs.readFile('/etc/hosts').split('\n')) {
      const f = line.replace(/#.*/, '').trim().split(/\s+/);
      if (f.length > 1 && f.slice(1).includes(name)) {
        ip = f[0];
        break;
      }
    }
  } catch {
    ip = undefined;
  }
  if (!ip && /^\d+\.\d+\.\d+\.\d+$/.test(name)) ip = name;
  ip ??= p.sys.net.resolve(name, { host: p.hostname, ip: p.sys.hostIp });
  if (!ip) return { error: `ssh: Could not resolve hostname ${name}: Name or service not known` };
  if (ip === '127.0.0.1' || ip === '127.0.1.1' || ip === p.sys.hostIp) return { host: p.hostname };
  return { host: ip };
}

/** ssh opens a login on another lab host, or runs one command there. */
export const ssh = def(
  'ssh',
  async (p) => {
    const args = p.argv.slice(1);
    let user = p.user.name;
    let dest: string | undefined;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-l') user = args[++i] ?? user;
      else if (['-p', '-i', '-o', '-F', '-J', '-L', '-R', '-D', '-E', '-c', '-m', '-b'].includes(a)) i++;
      else if (/^-[46AaCfGgKkMNnqsTtVvXxYy]+$/.test(a)) continue;
      else if (a.startsWith('-')) {
        p.stderr.write(`ssh: illegal option -- ${a.slice(1, 2)}\nusage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address] [-c cipher_spec] [-D [bind_address:]port] [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file] [-J destination] [-L address] [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port] [-Q query_option] [-R address] [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]] destination [command [argument ...]]\n`);
        return 255;
      } else {
        dest = a;
        i++;
        break;
      }
    }
    if (!dest) {
      p.stderr.write('usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address] [-c cipher_spec] [-D [bind_address:]port] [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file] [-J destination] [-L address] [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port] [-Q query_option] [-R address] [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]] destination [command [argument ...]]\n');
      return 255;
    }
    const at = dest.lastIndexOf('@');
    if (at >= 0) {
      user = dest.slice(0, at);
      dest = dest.slice(at + 1);
    }
    const r = resolveHost(p, dest);
    if (!r.host) {
      p.stderr.write(r.error + '\n');
      return 255;
    }
    const exec = p.sys.session.exec;
    const probe = exec ? await exec({ host: r.host, user, argv: ['true'], quietNotFound: true, stdin: { read: async () => null, isTTY: false }, stdout: { write: () => {}, isTTY: false }, stderr: { write: () => {}, isTTY: false }, signal: p.signal, loginShell: true }) : 0;
    if (probe === 255) {
      p.stderr.write(`${user}@${dest}: Permission denied (publickey).\n`);
      return 255;
    }
    const command = args.slice(i);
    if (command.length === 0) {
      p.sys.session.login({ host: r.host, user, loginShell: true, closeMessage: `Connection to ${dest} closed.`, remote: true });
      return 0;
    }
    if (!exec) return 255;
    return exec({ host: r.host, user, command: command.join(' '), loginShell: true, stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal: p.signal });
  },
  'ssh - OpenSSH remote login client\n\nSYNOPSIS\n       ssh [-l login_name] [-p port] destination [command [argument ...]]\n\nDESCRIPTION\n       ssh connects and logs into the specified destination, or runs command there.',
);
