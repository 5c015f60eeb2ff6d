import type { Process } from '../../host/process.ts';
import { def } from './def.ts';
import { userland } from '../../host/userland.ts';

/** gnuCoreutils: Debian and Ubuntu (the lab's hosts, Debian-based images) have GNU chroot; busybox images its applet. */
function gnuCoreutils(p: Process): boolean {
  return !userland(p.fs).busybox;
}

/**
 * chroot NEWROOT [COMMAND [ARG]...] runs a command (by default the shell,
 * interactive on a terminal) with NEWROOT as its /: what `kubectl debug
 * node/x` users do with `chroot /host` to work with the node's own tools.
 * Only root may do it; the texts are GNU's or busybox's, as the image has.
 */
export const chroot = def(
  'chroot',
  async (p) => {
    const gnu = gnuCoreutils(p);
    const fail = gnu ? 125 : 1;
    const [dir, ...cmd] = p.argv.slice(1);
    if (dir === undefined) {
      p.stderr.write(gnu ? "chroot: missing operand\nTry 'chroot --help' for more information.\n" : 'Usage: chroot NEWROOT [PROG ARGS]\n\nRun PROG with root directory set to NEWROOT\n');
      return fail;
    }
    const cannot = (why: string) => {
      p.stderr.write(`chroot: ${gnu ? 'cannot' : "can't"} change root directory to '${dir}': ${why}\n`);
      return fail;
    };
    const abs = dir.startsWith('/') ? dir : `${p.cwd.replace(/\/$/, '')}/${dir}`;
    if (!p.fs.exists(abs)) return cannot('No such file or directory');
    if (p.fs.stat(abs).type !== 'dir') return cannot('Not a directory');
    const exec = p.sys.session.exec;
    if (p.user.uid !== 0 || !exec) return cannot('Operation not permitted');
    const io = { stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal: p.signal };
    const shell = p.env['SHELL'] || '/bin/sh';
    if (cmd.length === 0 && p.stdin.isTTY) return exec({ host: p.hostname, user: p.user.name, inheritEnv: p.env, cwd: '/', root: abs, args: [shell.slice(shell.lastIndexOf('/') + 1)], ...io });
    const argv = cmd.length ? cmd : [shell, '-i'];
    const code = await exec({ host: p.hostname, user: p.user.name, inheritEnv: p.env, cwd: '/', root: abs, argv, quietNotFound: true, ...io });
    if (code === 127) p.stderr.write(gnu ? `chroot: failed to run command ‘${argv[0]}’: No such file or directory\n` : `chroot: can't execute '${argv[0]}': No such file or directory\n`);
    return code;
  },
  'chroot - run command or interactive shell with special root directory\n\nSYNOPSIS\n       chroot [OPTION]... NEWROOT [COMMAND [ARG]...]\n\nDESCRIPTION\n       Run COMMAND with root directory set to NEWROOT.',
  '/usr/sbin',
);
