import type { Program } from '../../host/process.ts';
import { programByName } from '../../tools/registry.ts';

/** BUSYBOX_APPLETS are the everyday commands a busybox-based image answers to (taken from the hosts' coreutils). */
export const BUSYBOX_APPLETS = [
  'sh', 'cat', 'echo', 'ls', 'sleep', 'env', 'date', 'mkdir', 'rmdir', 'rm', 'cp', 'mv', 'touch', 'head', 'tail', 'grep', 'egrep', 'fgrep', 'sed', 'awk',
  'wc', 'sort', 'uniq', 'tr', 'cut', 'hostname', 'id', 'whoami', 'ps', 'pgrep', 'pkill', 'pidof', 'printf', 'seq', 'true', 'false', 'uname', 'find', 'tee', 'yes', 'base64', 'df',
  'du', 'free', 'stat', 'ln', 'chmod', 'chown', 'basename', 'dirname', 'timeout', 'xargs', 'readlink', 'realpath', 'watch', 'nproc', 'diff', 'tar', 'chroot',
];

/** BUSYBOX_NETWORK_APPLETS are busybox's network applets (looked up among the hosts' network programs when run): no curl, no dig. */
const BUSYBOX_NETWORK_APPLETS = ['wget', 'nslookup', 'nc', 'ping', 'ip'];

/** PROCPS are the commands Debian's procps package brings: a slim Debian or Ubuntu image has none of them. */
const PROCPS = ['ps', 'pgrep', 'pkill', 'free', 'watch'];

/**
 * fromHostTool runs a host program by name, or answers like a shell that does
 * not have it. The lookup happens at run time: the program registry also
 * lists tools (crictl) that read this catalogue.
 */
function fromHostTool(name: string): Program {
  return async (p) => {
    const def = programByName(name);
    if (!def) {
      p.stderr.write(`sh: ${name}: not found\n`);
      return 127;
    }
    return def.program(p);
  };
}

/**
 * containerShell is sh/bash inside a container: on a terminal without a
 * command (`kubectl exec -it pod -- sh`) it runs the container's interactive
 * shell; otherwise the hosts' shell program (-c, scripts, piped input).
 */
function containerShell(name: string): Program {
  const host = fromHostTool(name);
  return async (p) => {
    const rest = p.argv.slice(1);
    const exec = p.sys.session.exec;
    if (exec && p.stdin.isTTY && rest.every((a) => a === '-i' || a === '-l' || a === '--login' || a === '-')) {
      return exec({ host: p.hostname, user: p.user.name, inheritEnv: p.env, cwd: p.cwd, stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal: p.signal, args: [name] });
    }
    return host(p);
  };
}

/** toolbox returns the named coreutils (and network tools) as an image's binaries. */
export function toolbox(names: string[] = BUSYBOX_APPLETS, net: string[] = BUSYBOX_NETWORK_APPLETS): Record<string, Program> {
  const out: Record<string, Program> = {};
  for (const n of [...names, ...net]) out[n] = n === 'sh' || n === 'bash' ? containerShell(n) : fromHostTool(n);
  return out;
}

/** busyboxTools is the busybox image's applet set (sh included, so `sh -c` runs the shell). */
export function busyboxTools(): Record<string, Program> {
  return toolbox();
}

/**
 * debianTools are a slim Debian or Ubuntu image's commands (ubuntu, nginx,
 * httpd, redis, postgres): coreutils, grep, sed, find, tar and bash, without
 * procps (no ps) and without network tools unless the image installs some
 * (nginx brings curl).
 */
export function debianTools(net: string[] = []): Record<string, Program> {
  return toolbox([...BUSYBOX_APPLETS.filter((n) => !PROCPS.includes(n)), 'bash'], net);
}
