/** The in-memory POSIX filesystem of a simulated host. */
export { MemFs, byteOrder } from './memfs.ts';
export { ROOT_CRED, type Cred } from './node.ts';
export { buildLayer, layLayer, type SharedLayer } from './layer.ts';
export { snapshotFs, restoreFs, cloneFs, type FsSnapshot, type SnapEntry } from './serialize.ts';
export { absPath, basename, collapseSlashes, dirname, joinPath, normalize, splitPath } from './path.ts';
