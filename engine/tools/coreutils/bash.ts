import type { Process } from '../../host/process.ts';
import { errText, readStdin, resolve } from './lib/io.ts';
import { def } from './def.ts';

const VERSION = 'GNU bash, version 5.1.16(1)-release (x86_64-pc-linux-gnu)\nCopyright (C) 2020 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\nThis is free software; you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n';

async function shell(p: Process, name: string): Promise<number> {
  const args = p.argv.slice(1);
  let login = false;
  let command: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--version') {
      p.stdout.write(VERSION);
      return 0;
    }
    if (a === '-c') command = args[++i];
    else if (a === '-l' || a === '--login') login = true;
    else if (a === '-i' || a === '-s' || a === '--norc' || a === '--noprofile' || a === '-e' || a === '-x' || a === '-u') continue;
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-') && a !== '-') {
      p.stderr.write(`${name}: ${a}: invalid option\n`);
      return 2;
    } else break;
  }
  const rest = args.slice(i);
  const exec = p.sys.session.exec;
  // the shell runs in this process: `bash -c cmd` is one bash, not a bash starting another
  const base = { host: p.hostname, user: p.user.name, inheritEnv: p.env, cwd: p.cwd, stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal: p.signal, pid: p.pid, shell: name };
  if (command !== undefined) {
    if (!exec) return 1;
    return exec({ ...base, command, args: rest });
  }
  if (rest.length > 0) {
    const file = rest[0]!;
    let text: string;
    try {
      text = p.fs.readFile(resolve(p, file));
    } catch (e) {
      p.stderr.write(`${name}: ${file}: ${errText(e)}\n`);
      return 127;
    }
    if (!exec) return 1;
    return exec({ ...base, command: text, scriptName: file, args: rest.slice(1) });
  }
  if (p.stdin.isTTY) {
    p.sys.session.login({ host: p.hostname, user: p.user.name, loginShell: login, cwd: p.cwd, env: login ? {} : p.env });
    return 0;
  }
  if (!exec) return 1;
  return exec({ ...base, command: await readStdin(p), stdin: { read: async () => null, isTTY: false } });
}

/** bash runs the shell: -c COMMAND, a script file, commands from stdin, or a nested interactive shell. */
export const bash = def('bash', (p) => shell(p, 'bash'), 'bash - GNU Bourne-Again SHell\n\nSYNOPSIS\n       bash [options] [command_string | file]\n\nDESCRIPTION\n       -c     read commands from the first non-option argument command_string\n       -l     act as if invoked as a login shell');

/** sh is the POSIX shell (here the same interpreter as bash). */
export const sh = def('sh', (p) => shell(p, 'sh'), 'sh - command interpreter (shell)\n\nSYNOPSIS\n       sh [-c command_string [command_name [argument ...]]]');
