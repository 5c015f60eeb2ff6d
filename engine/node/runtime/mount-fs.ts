import { FsError, type FileSystem } from '../../host/types.ts';
import { normalize } from '../../host/fs/path.ts';

/** MountPoint binds a directory (or file) of another filesystem at a container path. */
export interface MountPoint {
  containerPath: string;
  fs: FileSystem;
  /** path inside fs that appears at containerPath */
  sourcePath: string;
  readOnly?: boolean;
}

/**
 * mountFs overlays bind mounts on a container's root filesystem: a path under
 * a mount point is served by the mount's filesystem (a node's emptyDir
 * folder, a hostPath, a projected volume), the rest by the root. Paths are
 * resolved lexically (symlinks crossing a mount are not followed across).
 */
export function mountFs(root: FileSystem, mounts: MountPoint[]): FileSystem {
  const sorted = [...mounts].sort((a, b) => b.containerPath.length - a.containerPath.length);
  const route = (path: string, write = false): [FileSystem, string] => {
    const p = normalize(path);
    for (const m of sorted) {
      if (p === m.containerPath || p.startsWith(m.containerPath.endsWith('/') ? m.containerPath : `${m.containerPath}/`)) {
        if (write && m.readOnly) throw new FsError('EPERM', p);
        return [m.fs, m.sourcePath + p.slice(m.containerPath.length)];
      }
    }
    return [root, p];
  };
  const back = (fs: FileSystem, real: string): string => {
    if (fs === root) return real;
    for (const m of sorted) if (m.fs === fs && (real === m.sourcePath || real.startsWith(`${m.sourcePath}/`))) return m.containerPath + real.slice(m.sourcePath.length);
    return real;
  };
  const out: FileSystem = {
    stat: (p) => { const [f, r] = route(p); return f.stat(r); },
    lstat: (p) => { const [f, r] = route(p); return f.lstat(r); },
    exists: (p) => { const [f, r] = route(p); return f.exists(r); },
    readFile: (p) => { const [f, r] = route(p); return f.readFile(r); },
    readBytes: (p) => { const [f, r] = route(p); return f.readBytes(r); },
    writeFile: (p, c, o) => { const [f, r] = route(p, true); f.writeFile(r, c, o); },
    mkdir: (p, o) => { const [f, r] = route(p, true); f.mkdir(r, o); },
    readdir: (p) => { const [f, r] = route(p); return f.readdir(r); },
    unlink: (p) => { const [f, r] = route(p, true); f.unlink(r); },
    rmdir: (p) => { const [f, r] = route(p, true); f.rmdir(r); },
    rename: (a, b) => {
      const [fa, ra] = route(a, true);
      const [fb, rb] = route(b, true);
      if (fa === fb) return fa.rename(ra, rb);
      fb.writeFile(rb, fa.readBytes(ra));
      fa.unlink(ra);
    },
    symlink: (t, p) => { const [f, r] = route(p, true); f.symlink(t, r); },
    readlink: (p) => { const [f, r] = route(p); return f.readlink(r); },
    chmod: (p, m) => { const [f, r] = route(p, true); f.chmod(r, m); },
    chown: (p, u, g) => { const [f, r] = route(p, true); f.chown(r, u, g); },
    realpath: (p) => { const [f, r] = route(p); return back(f, f.realpath(r)); },
    watch: (d, cb) => { const [f, r] = route(d); return f.watch(r, (changed) => cb(back(f, changed))); },
    utimes: (p, t, o) => { const [f, r] = route(p, true); f.utimes?.(r, t, o); },
    access: (p, m) => { const [f, r] = route(p); return f.access ? f.access(r, m) : true; },
  };
  return out;
}
