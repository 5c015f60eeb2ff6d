import { idOf } from './lib/io.ts';
import { def } from './def.ts';

/** su switches user: a login shell with -, or a command with -c. Only root may switch without a password. */
export const su = def(
  'su',
  async (p) => {
    const args = p.argv.slice(1);
    let login = false;
    let command: string | undefined;
    let user = 'root';
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-' || a === '-l' || a === '--login') login = true;
      else if (a === '-c' || a === '--command') command = args[++i];
      else if (a.startsWith('--command=')) command = a.slice(10);
      else if (a === '-s' || a === '--shell') i++;
      else if (a === '-m' || a === '-p' || a === '--preserve-environment') continue;
      else if (a.startsWith('-')) {
        p.stderr.write(`su: invalid option -- '${a.slice(1, 2)}'\nTry 'su --help' for more information.\n`);
        return 1;
      } else user = a;
    }
    const uid = idOf(p, '/etc/passwd', user);
    if (uid === undefined) {
      p.stderr.write(`su: user ${user} does not exist or the user entry does not contain all the required fields\n`);
      return 1;
    }
    if (p.user.uid !== 0) {
      p.stderr.write('Password: ');
      await p.stdin.read();
      p.stderr.write('\nsu: Authentication failure\n');
      return 1;
    }
    const home = p.fs.readFile('/etc/passwd').split('\n').find((l) => l.split(':')[0] === user)?.split(':')[5] ?? '/';
    const env: Record<string, string> = login ? {} : { HOME: home, SHELL: '/bin/bash', ...(uid !== 0 ? { USER: user, LOGNAME: user } : {}) };
    if (command !== undefined) {
      if (!p.sys.session.exec) return 1;
      return p.sys.session.exec({ host: p.hostname, user, command, loginShell: login, env, inheritEnv: login ? undefined : { ...p.env, ...env }, cwd: login ? home : p.cwd, stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal: p.signal });
    }
    p.sys.session.login({ host: p.hostname, user, loginShell: login, cwd: login ? undefined : p.cwd, env });
    return 0;
  },
  'su - run a command with substitute user and group ID\n\nSYNOPSIS\n       su [options] [-] [user [argument...]]\n\nDESCRIPTION\n       -, -l, --login\n              start the shell as a login shell\n       -c, --command command\n              pass command to the shell',
);
