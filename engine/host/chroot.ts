import type { Clock } from '../base/clock.ts';
import { normalize } from './fs/path.ts';
import { Host } from './host.ts';
import type { FileSystem } from './types.ts';

/**
 * chrootFs is the filesystem a process sees after chroot(dir): every absolute
 * path is looked up under dir. (Absolute symlink targets resolve in the
 * filesystem that holds them: a node's root mounted at /host resolves its own
 * links inside the node, as the kernel does after chroot /host.)
 */
export function chrootFs(fs: FileSystem, dir: string): FileSystem {
  const base = normalize(dir).replace(/\/+$/, '');
  const inner = (p: string) => base + normalize(p);
  const outer = (real: string) => (real === base ? '/' : real.startsWith(`${base}/`) ? real.slice(base.length) : real);
  return {
    stat: (p) => fs.stat(inner(p)),
    lstat: (p) => fs.lstat(inner(p)),
    exists: (p) => fs.exists(inner(p)),
    readFile: (p) => fs.readFile(inner(p)),
    readBytes: (p) => fs.readBytes(inner(p)),
    writeFile: (p, c, o) => fs.writeFile(inner(p), c, o),
    mkdir: (p, o) => fs.mkdir(inner(p), o),
    readdir: (p) => fs.readdir(inner(p)),
    unlink: (p) => fs.unlink(inner(p)),
    rmdir: (p) => fs.rmdir(inner(p)),
    rename: (a, b) => fs.rename(inner(a), inner(b)),
    symlink: (t, p) => fs.symlink(t, inner(p)),
    readlink: (p) => fs.readlink(inner(p)),
    chmod: (p, m) => fs.chmod(inner(p), m),
    chown: (p, u, g) => fs.chown(inner(p), u, g),
    realpath: (p) => outer(fs.realpath(inner(p))),
    watch: (d, cb) => fs.watch(inner(d), (changed) => cb(outer(changed))),
    link: fs.link ? (a, p) => fs.link!(inner(a), inner(p)) : undefined,
    utimes: fs.utimes ? (p, t, o) => fs.utimes!(inner(p), t, o) : undefined,
    access: fs.access ? (p, m) => fs.access!(inner(p), m) : undefined,
  };
}

/**
 * ChrootHost is a host seen from inside chroot(dir): the same name and
 * address, its files those under dir (its users those of dir's /etc/passwd).
 */
export class ChrootHost extends Host {
  private readonly root: FileSystem;

  constructor(base: Host, dir: string, clock: Clock) {
    super({ name: base.name, ip: base.ip, clock });
    this.root = chrootFs(base.fs, dir);
  }

  override get fs(): FileSystem {
    return this.root;
  }

  override fsFor(): FileSystem {
    return this.root;
  }
}
