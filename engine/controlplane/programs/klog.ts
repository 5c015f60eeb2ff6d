import { klogHeader, type KlogSeverity } from '../../base/klog.ts';
import type { Process } from '../../host/process.ts';

/**
 * klog's text header, as Kubernetes components write their logs:
 * `E1123 01:02:03.123456       1 run.go:72] "command failed" err="…"`.
 * Inside a container every component is PID 1.
 */
export function klogLine(level: KlogSeverity, now: number, source: string, msg: string): string {
  return `${klogHeader(level, now, 1, source)}${msg}\n`;
}

/** commandFailed is component-base's exit log: the error that ended the command. */
export function commandFailed(p: Process, err: string): number {
  p.stderr.write(klogLine('E', p.sys.runtime.now, 'run.go:72', `"command failed" err=${JSON.stringify(err)}`));
  return 1;
}

/** fsErrorText is Go's os error text for a failed open/stat of path. */
export function fsErrorText(op: 'open' | 'stat', path: string, e: unknown): string {
  const code = (e as { code?: string }).code;
  const why = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code === 'ENOTDIR' ? 'not a directory' : 'no such file or directory';
  return `${op} ${path}: ${why}`;
}

/** readText reads a file the component was pointed at, or answers Go's error text. */
export function readText(p: Process, path: string, op: 'open' | 'stat' = 'open'): string | { error: string } {
  try {
    return p.fs.readFile(path.startsWith('/') ? path : `${p.cwd.replace(/\/$/, '')}/${path}`);
  } catch (e) {
    return { error: fsErrorText(op, path, e) };
  }
}
