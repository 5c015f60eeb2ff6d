import type { FileSystem } from '../types.ts';

/** installUnitFile writes a unit file or drop-in (root-owned, 0644), creating its folder, as a package's files do. */
export function installUnitFile(fs: FileSystem, path: string, text: string): void {
  fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  fs.writeFile(path, text, { mode: 0o644, uid: 0, gid: 0 });
}
