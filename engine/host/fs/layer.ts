import type { FileSystem } from '../types.ts';
import { MemFs } from './memfs.ts';
import type { DirNode, Node } from './node.ts';

/**
 * SharedLayer is a read-only tree of files that many filesystems hold at
 * once, as overlayfs holds an image's layers under every container of the
 * image: its files and symlinks are shared, never copied, until a tree changes
 * one (MemFs.own copies it up first). Its folders are copied into each tree,
 * so a folder's parent, `..` and its entries stay the tree's own.
 */
export interface SharedLayer {
  readonly root: DirNode;
  /** nextIno is the first inode number the layer did not use */
  readonly nextIno: number;
}

/** FIRST_INO is the first inode number a fresh MemFs hands out (its root is 1). */
const FIRST_INO = 2;

/** The layer's own times never show: a tree reports the time the layer was laid into it. */
const LAYER_CLOCK = { now: () => 0 };

/**
 * buildLayer writes a layer once with build (as root, on a fresh tree) and
 * freezes it: files and symlinks with a single name become shared; hard-linked
 * files and devices are copied into each tree instead.
 */
export function buildLayer(build: (fs: FileSystem, m: MemFs) => void): SharedLayer {
  const m = new MemFs(LAYER_CLOCK);
  build(m.fs, m);
  const freeze = (dir: DirNode) => {
    let onlyShared = true;
    for (const n of dir.entries.values()) {
      if (n.type === 'dir') freeze(n);
      else if (n.nlink === 1 && !(n.type === 'file' && n.device)) n.shared = true;
      if (!n.shared) onlyShared = false;
    }
    // a folder of shared files only lends its map to the trees (until one changes it)
    dir.sharedEntries = onlyShared && dir !== m.root;
  };
  freeze(m.root);
  return { root: m.root, nextIno: m.nextIno };
}

/**
 * layLayer puts a layer into m, as if its files had been written there now:
 * folders are made (or kept, taking the layer's mode) and the layer's files
 * appear in them without being copied. Inode numbers follow on from m's; a
 * name m already has wins over the layer's. A tree takes one layer.
 */
export function layLayer(m: MemFs, layer: SharedLayer): void {
  if (m.lower) throw new Error('the filesystem already holds a shared layer');
  const now = m.clock.now();
  const base = m.nextIno - FIRST_INO;
  m.lower = { base, mtime: now };
  // nodes that are not shared (hard links, devices) get one copy per tree, whatever their number of names
  const copies = new Map<Node, Node>();
  const copyOf = (n: Node): Node => {
    let c = copies.get(n);
    if (!c) {
      c = { ...n, ino: n.ino + base, mtime: now, nlink: 0 } as Node;
      copies.set(n, c);
    }
    c.nlink++;
    return c;
  };
  const walk = (src: DirNode, dst: DirNode) => {
    for (const [name, n] of src.entries) {
      const have = dst.entries.get(name);
      if (n.type === 'dir') {
        if (have?.type === 'dir') {
          have.mode = n.mode;
          walk(n, have);
          continue;
        }
        if (have) continue;
        // the fields in newDir's order, so every folder object has one shape
        const d = { type: 'dir', ino: n.ino + base, mode: n.mode, uid: n.uid, gid: n.gid, mtime: now, nlink: 2, entries: n.sharedEntries ? n.entries : new Map(), sharedEntries: n.sharedEntries, name } as unknown as DirNode;
        d.parent = dst;
        m.entriesToChange(dst).set(name, d);
        dst.nlink++;
        dst.mtime = now;
        if (!n.sharedEntries) walk(n, d);
        continue;
      }
      if (have) continue;
      m.entriesToChange(dst).set(name, n.shared ? n : copyOf(n));
      dst.mtime = now;
    }
  };
  walk(layer.root, m.root);
  m.root.mode = layer.root.mode;
  m.nextIno = Math.max(m.nextIno, layer.nextIno + base);
  m.watchers.notifyAll();
}
