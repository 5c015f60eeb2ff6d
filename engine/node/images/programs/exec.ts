import type { Process } from '../../../host/process.ts';

/** execIn runs argv from the container's PATH in place of the caller (an entrypoint's `exec "$@"`). */
export function execIn(p: Process, argv: string[]): Promise<number> {
  const exec = p.sys.session.exec;
  if (!exec) return Promise.resolve(127);
  return exec({ host: p.hostname, user: p.user.name, argv, inheritEnv: p.env, cwd: p.cwd, stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal: p.signal, pid: p.pid });
}
