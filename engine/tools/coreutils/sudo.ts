import type { Process } from '../../host/process.ts';
import { sudoRule } from '../../host/sudoers.ts';
import { SECURE_PATH } from '../../host/image-files.ts';
import { groupName, idOf } from './lib/io.ts';
import { def } from './def.ts';

function homeOf(p: Process, user: string): string | undefined {
  try {
    return p.fs.readFile('/etc/passwd').split('\n').find((l) => l.split(':')[0] === user)?.split(':')[5];
  } catch {
    return undefined;
  }
}

const USAGE = 'usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABknS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo -l [-ABknS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command]\nusage: sudo [-ABbEHknPS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i|-s] [<command>]\nusage: sudo -e [-ABknS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...\n';

/** shellQuoteArgs joins argv into a command line for `sudo -i cmd` (run by the target's login shell). */
function joinArgs(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
}

/** sudo runs a command (or a shell with -i/-s) as root or another user, as /etc/sudoers allows. */
export const sudo = def(
  'sudo',
  async (p) => {
    const args = p.argv.slice(1);
    let target = 'root';
    let login = false;
    let shell = false;
    let keepEnv = false;
    let list = false;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      if (a === '-u' || a === '--user') target = args[++i] ?? '';
      else if (a.startsWith('-u')) target = a.slice(2);
      else if (a === '-i' || a === '--login') login = true;
      else if (a === '-s' || a === '--shell') shell = true;
      else if (a === '-E' || a === '--preserve-env') keepEnv = true;
      else if (a === '-l' || a === '--list') list = true;
      else if (a === '-k' || a === '-K' || a === '-v' || a === '--validate') return 0;
      else if (a === '-H' || a === '-n' || a === '-S' || a === '-b' || a === '-P' || a === '-A') continue;
      else if (a === '-V' || a === '--version') {
        p.stdout.write('Sudo version 1.9.9\nSudoers policy plugin version 1.9.9\nSudoers file grammar version 48\nSudoers I/O plugin version 1.9.9\nSudoers audit plugin version 1.9.9\n');
        return 0;
      } else if (/^-[iEsHn]+$/.test(a)) {
        login ||= a.includes('i');
        shell ||= a.includes('s');
        keepEnv ||= a.includes('E');
      } else {
        p.stderr.write(`sudo: invalid option -- '${a.slice(1, 2)}'\n${USAGE}`);
        return 1;
      }
    }
    // VAR=value words before the command are environment settings (sudoers' env_reset still applies to the rest).
    const assigned: Record<string, string> = {};
    for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]!); i++) {
      const a = args[i]!;
      const eq = a.indexOf('=');
      assigned[a.slice(0, eq)] = a.slice(eq + 1);
    }
    const cmd = args.slice(i);
    if (cmd.length === 0 && !login && !shell && !list) {
      p.stderr.write(USAGE);
      return 1;
    }
    const groups = p.user.groups.map((g) => groupName(p, g));
    const rule = sudoRule(p.fs, p.user, groups);
    if (!rule.allowed) {
      p.stderr.write(`${p.user.name} is not in the sudoers file.  This incident will be reported.\n`);
      return 1;
    }
    if (!rule.nopasswd) {
      p.stderr.write(`[sudo] password for ${p.user.name}: `);
      await p.stdin.read();
      p.stderr.write('\nsudo: 1 incorrect password attempt\n');
      return 1;
    }
    if (list) {
      p.stdout.write(`Matching Defaults entries for ${p.user.name} on ${p.hostname}:\n    env_reset, mail_badpass, secure_path=${SECURE_PATH.replace(/:/g, '\\:')}, use_pty\n\nUser ${p.user.name} may run the following commands on ${p.hostname}:\n    (ALL : ALL) ALL\n${rule.nopasswd ? '    (ALL) NOPASSWD: ALL\n' : ''}`);
      return 0;
    }
    const uid = idOf(p, '/etc/passwd', target);
    const home = homeOf(p, target);
    if (uid === undefined || home === undefined) {
      p.stderr.write(`sudo: unknown user ${target}\nsudo: error initializing audit plugin sudoers_audit\n`);
      return 1;
    }
    const sudoEnv: Record<string, string> = {
      SUDO_USER: p.user.name, SUDO_UID: String(p.user.uid), SUDO_GID: String(p.user.gid),
      SUDO_COMMAND: cmd.length ? cmd.join(' ') : '/bin/bash',
    };
    const session = p.sys.session;
    if (cmd.length === 0) {
      if (login) session.login({ host: p.hostname, user: target, loginShell: true, env: sudoEnv });
      else session.login({ host: p.hostname, user: target, loginShell: false, cwd: p.cwd, env: { ...sudoEnv, HOME: home, USER: target, LOGNAME: target, SHELL: '/bin/bash', PATH: SECURE_PATH } });
      return 0;
    }
    if (!session.exec) return 1;
    const base: Record<string, string> = keepEnv ? { ...p.env } : Object.fromEntries(['TERM', 'LANG', 'LC_ALL', 'DISPLAY', 'COLORTERM', 'KUBECONFIG'].filter((k) => p.env[k] !== undefined && k !== 'KUBECONFIG').map((k) => [k, p.env[k]!]));
    const env = { ...base, HOME: home, USER: target, LOGNAME: target, SHELL: '/bin/bash', MAIL: `/var/mail/${target}`, PATH: SECURE_PATH, ...sudoEnv, ...assigned };
    const io = { stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal: p.signal };
    if (login || shell) return session.exec({ host: p.hostname, user: target, command: joinArgs(cmd), loginShell: login, env, cwd: login ? home : p.cwd, inheritEnv: env, ...io });
    const code = await session.exec({ host: p.hostname, user: target, argv: cmd, inheritEnv: env, cwd: p.cwd, quietNotFound: true, ...io });
    if (code === 127) p.stderr.write(`sudo: ${cmd[0]}: command not found\n`);
    return code;
  },
  'sudo - execute a command as another user\n\nSYNOPSIS\n       sudo [-u user] [-E] command\n       sudo -i | -s\n\nDESCRIPTION\n       sudo allows a permitted user to execute a command as the superuser or another user, as specified by the security policy (/etc/sudoers).\n\n       -i, --login\n              run the target user\'s login shell\n       -u user, --user=user\n              run the command as a user other than root',
);
