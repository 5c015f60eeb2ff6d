import type { FileSystem } from '../../host/types.ts';
import { criLogLine } from './logs.ts';
import type { ContainerRecord, Sandbox } from './types.ts';

/** podLogDir is the kubelet's log folder of a pod: /var/log/pods/<namespace>_<name>_<uid>. */
export function podLogDir(sb: Sandbox): string {
  return `/var/log/pods/${sb.config.namespace}_${sb.config.name}_${sb.config.uid}`;
}

function logPath(sb: Sandbox, rec: ContainerRecord): string {
  return `${podLogDir(sb)}/${rec.config.name}/${rec.config.attempt}.log`;
}

function linkPath(sb: Sandbox, rec: ContainerRecord): string {
  return `/var/log/containers/${sb.config.name}_${sb.config.namespace}_${rec.config.name}-${rec.id}.log`;
}

/** LOG_MAX_BYTES is the kubelet's containerLogMaxSize (10Mi); a longer log starts over (rotation without the old files). */
const LOG_MAX_BYTES = 10 * 1024 * 1024;

/**
 * attachLogFile mirrors a container's output into its CRI log file on the
 * node ("2026-01-05T09:00:05.123456789Z stdout F text"), linked from
 * /var/log/containers, so `tail /var/log/pods/…` works as on a node.
 */
export function attachLogFile(fs: FileSystem, sb: Sandbox, rec: ContainerRecord): void {
  const path = logPath(sb, rec);
  try {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    fs.writeFile(path, '', { mode: 0o640 });
    fs.mkdir('/var/log/containers', { recursive: true });
    const link = linkPath(sb, rec);
    if (!fs.exists(link)) fs.symlink(path, link);
  } catch {
    return;
  }
  let bytes = 0;
  let seq = 0;
  rec.log.sink = (lines) => {
    let text = '';
    for (const l of lines) {
      const line = criLogLine(l, seq++ * 1000 + 123);
      bytes += line.length;
      if (bytes > LOG_MAX_BYTES) {
        // the file starts over with this line (what came before it in this write goes with the old file)
        try {
          if (text !== '') fs.writeFile(path, text, { append: true });
          fs.writeFile(path, '');
        } catch {
          rec.log.sink = undefined;
          return;
        }
        bytes = line.length;
        text = '';
      }
      text += line;
    }
    try {
      fs.writeFile(path, text, { append: true });
    } catch {
      rec.log.sink = undefined;
    }
  };
}

/** removeLogFile deletes a removed container's log file and its link. */
export function removeLogFile(fs: FileSystem, sb: Sandbox, rec: ContainerRecord): void {
  for (const p of [logPath(sb, rec), linkPath(sb, rec)]) {
    try {
      fs.unlink(p);
    } catch {
      // already gone
    }
  }
}

/** removePodLogs deletes a removed sandbox's log folder. */
export function removePodLogs(fs: FileSystem, sb: Sandbox): void {
  removeTree(fs, podLogDir(sb));
}

function removeTree(fs: FileSystem, path: string): void {
  try {
    if (fs.lstat(path).type === 'dir') {
      for (const n of fs.readdir(path)) removeTree(fs, `${path}/${n}`);
      fs.rmdir(path);
    } else fs.unlink(path);
  } catch {
    // gone already
  }
}
