import { FsError, type FileSystem, type WriteOptions } from '../../host/types.ts';
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
  return new MountedFs(root, [...mounts].sort((a, b) => b.containerPath.length - a.containerPath.length));
}

/** isNormal tells a path normalize would return unchanged (absolute, no empty, `.` or `..` parts, no trailing slash): most are. */
function isNormal(p: string): boolean {
  if (p.charCodeAt(0) !== 47) return false;
  if (p.length === 1) return true;
  if (p.charCodeAt(p.length - 1) === 47) return false;
  return !p.includes('//') && !p.includes('/./') && !p.includes('/../') && !p.endsWith('/.') && !p.endsWith('/..');
}

/** MountedFs is mountFs's view: a class, so each container's view costs one object, not a closure per call. */
class MountedFs implements FileSystem {
  constructor(
    private readonly root: FileSystem,
    /** mounts, longest container path first */
    private readonly sorted: MountPoint[],
  ) {}

  private route(path: string, write = false): [FileSystem, string] {
    const p = isNormal(path) ? path : normalize(path);
    for (const m of this.sorted) {
      if (p === m.containerPath || p.startsWith(m.containerPath.endsWith('/') ? m.containerPath : `${m.containerPath}/`)) {
        if (write && m.readOnly) throw new FsError('EPERM', p);
        return [m.fs, m.sourcePath + p.slice(m.containerPath.length)];
      }
    }
    return [this.root, p];
  }

  private back(fs: FileSystem, real: string): string {
    if (fs === this.root) return real;
    for (const m of this.sorted) if (m.fs === fs && (real === m.sourcePath || real.startsWith(`${m.sourcePath}/`))) return m.containerPath + real.slice(m.sourcePath.length);
    return real;
  }

  stat(p: string) { const [f, r] = this.route(p); return f.stat(r); }
  lstat(p: string) { const [f, r] = this.route(p); return f.lstat(r); }
  exists(p: string) { const [f, r] = this.route(p); return f.exists(r); }
  readFile(p: string) { const [f, r] = this.route(p); return f.readFile(r); }
  readBytes(p: string) { const [f, r] = this.route(p); return f.readBytes(r); }
  writeFile(p: string, c: string | Uint8Array, o?: WriteOptions) { const [f, r] = this.route(p, true); f.writeFile(r, c, o); }
  mkdir(p: string, o?: { recursive?: boolean; mode?: number }) { const [f, r] = this.route(p, true); f.mkdir(r, o); }
  readdir(p: string) { const [f, r] = this.route(p); return f.readdir(r); }
  unlink(p: string) { const [f, r] = this.route(p, true); f.unlink(r); }
  rmdir(p: string) { const [f, r] = this.route(p, true); f.rmdir(r); }
  rename(a: string, b: string) {
    const [fa, ra] = this.route(a, true);
    const [fb, rb] = this.route(b, true);
    if (fa === fb) return fa.rename(ra, rb);
    fb.writeFile(rb, fa.readBytes(ra));
    fa.unlink(ra);
  }
  symlink(t: string, p: string) { const [f, r] = this.route(p, true); f.symlink(t, r); }
  readlink(p: string) { const [f, r] = this.route(p); return f.readlink(r); }
  chmod(p: string, m: number) { const [f, r] = this.route(p, true); f.chmod(r, m); }
  chown(p: string, u: number, g: number) { const [f, r] = this.route(p, true); f.chown(r, u, g); }
  realpath(p: string) { const [f, r] = this.route(p); return this.back(f, f.realpath(r)); }
  watch(d: string, cb: (path: string) => void) { const [f, r] = this.route(d); return f.watch(r, (changed) => cb(this.back(f, changed))); }
  utimes(p: string, t: number, o?: { noFollow?: boolean }) { const [f, r] = this.route(p, true); f.utimes?.(r, t, o); }
  access(p: string, m: 4 | 2 | 1) { const [f, r] = this.route(p); return f.access ? f.access(r, m) : true; }
}
