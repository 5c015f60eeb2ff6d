import type { Clock } from '../../base/clock.ts';
import { binaryContent, installBinary, SETUID_PROGRAMS } from '../../host/binaries.ts';
import { buildLayer, layLayer, type SharedLayer } from '../../host/fs/layer.ts';
import { Host } from '../../host/host.ts';
import type { FileSystem, User } from '../../host/types.ts';
import type { ImageDef } from '../images/types.ts';
import { mountFs, type MountPoint } from './mount-fs.ts';

/**
 * ContainerHost is a container's root filesystem and process table, seen as
 * a small machine: the image's layer, the kubelet-managed /etc/hosts and
 * resolv.conf, and bind mounts for the pod's volumes.
 */
export class ContainerHost extends Host {
  private mounted: FileSystem;
  private mounts: MountPoint[];

  constructor(opts: { name: string; ip: string; clock: Clock; mounts: MountPoint[] }) {
    super({ name: opts.name, ip: opts.ip, clock: opts.clock });
    this.mounts = opts.mounts;
    for (const m of opts.mounts) super.fs.mkdir(m.containerPath, { recursive: true });
    this.mounted = mountFs(super.fs, opts.mounts);
  }

  override get fs(): FileSystem {
    return this.mounted;
  }

  /** rootFs is the container's own layer without the mounts (where the image is unpacked; mounts hide parts of it). */
  get rootFs(): FileSystem {
    return super.fs;
  }

  override fsFor(user: User): FileSystem {
    if (user.uid === 0) return this.mounted;
    return mountFs(super.fsFor(user), this.mounts);
  }
}

/**
 * populateImage lays an image's layer into a container's root: base folders,
 * accounts, binaries, its files. The layer is written once per image and
 * shared by every container of it (copy-on-write, as overlayfs shares the
 * image's layers), so a container costs its folders, not its files.
 */
export function populateImage(host: ContainerHost, def: ImageDef): void {
  layLayer(host.files, imageLayer(def));
}

const layers = new WeakMap<ImageDef, SharedLayer>();

/** imageLayer is the image's files, built the first time a container of it is made. */
export function imageLayer(def: ImageDef): SharedLayer {
  let layer = layers.get(def);
  if (!layer) {
    layer = buildLayer((fs, m) => {
      writeImage(fs, def);
      m.makeNullDevice('/dev/null');
    });
    layers.set(def, layer);
  }
  return layer;
}

/** writeImage writes an image's files into a fresh root. */
function writeImage(fs: FileSystem, def: ImageDef): void {
  for (const d of ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/etc', '/tmp', '/root', '/var', '/proc', '/dev', '/home']) fs.mkdir(d, { recursive: true });
  fs.chmod('/tmp', 0o1777);
  const users = ['root:x:0:0:root:/root:/bin/sh', 'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin'];
  if (def.user && !/^\d+$/.test(def.user)) users.push(`${def.user}:x:100:101:${def.user}:/home/${def.user}:/bin/sh`);
  fs.writeFile('/etc/passwd', users.join('\n') + '\n');
  fs.writeFile('/etc/group', `root:x:0:\nnogroup:x:65534:\n${def.user && !/^\d+$/.test(def.user) ? `${def.user}:x:101:\n` : ''}`);
  const written = new Set<string>();
  for (const b of binaryPlan(def)) {
    if (written.has(b.path)) {
      installBinary(fs, b.name, b.path); // a second program at the same path replaces the file, mode included
      continue;
    }
    fs.mkdir(b.dir, { recursive: true });
    fs.writeFile(b.path, b.content, { mode: b.mode, uid: 0, gid: 0 });
    written.add(b.path);
  }
  def.files?.(fs);
}

interface PlannedBinary {
  name: string;
  path: string;
  dir: string;
  content: string;
  mode: number;
}

const plans = new WeakMap<ImageDef, PlannedBinary[]>();

/** binaryPlan lists an image's binary files once per image: every container of it shares the same strings. */
function binaryPlan(def: ImageDef): PlannedBinary[] {
  let plan = plans.get(def);
  if (!plan) {
    plan = Object.keys(def.binaries).map((name) => {
      const path = def.binaryPaths?.[name] ?? `/bin/${name}`;
      return { name, path, dir: path.slice(0, path.lastIndexOf('/')) || '/', content: binaryContent(name), mode: SETUID_PROGRAMS.has(name) ? 0o4755 : 0o755 };
    });
    plans.set(def, plan);
  }
  return plan;
}
