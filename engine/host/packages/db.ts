import type { FileSystem } from '../types.ts';
import { infoOf, parseStanzas, statusStanza } from './stanza.ts';
import type { Installed } from './types.ts';

/** STATUS_FILE is dpkg's database of installed packages. */
export const STATUS_FILE = '/var/lib/dpkg/status';

/** readStatus parses /var/lib/dpkg/status (a missing file is an empty database). */
export function readStatus(fs: FileSystem): Installed[] {
  let text = '';
  try {
    text = fs.readFile(STATUS_FILE);
  } catch {
    return [];
  }
  return parseStanzas(text).map((s) => {
    const [want, , state] = (s.get('Status') ?? 'install ok installed').split(' ');
    return { ...infoOf(s), want: (want as Installed['want']) ?? 'install', state: (state as Installed['state']) ?? 'installed' };
  });
}

/** writeStatus rewrites the database, sorted by package name as dpkg keeps it. */
export function writeStatus(fs: FileSystem, list: Installed[]): void {
  const sorted = [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  fs.mkdir('/var/lib/dpkg', { recursive: true });
  fs.writeFile(STATUS_FILE, sorted.map((p) => statusStanza(p)).join('\n'), { mode: 0o644 });
}

/** installedPackage returns a package's database entry when it is installed. */
export function installedPackage(fs: FileSystem, name: string): Installed | undefined {
  return readStatus(fs).find((p) => p.name === name && p.state === 'installed');
}

/**
 * installedVersion tells which version of a package is installed on a host
 * ("1.34.3-1.1"), or undefined. Pass a Host or a Process (anything with fs):
 * `kubeadm version`, `kubelet --version` and the kubelet at start read it.
 */
export function installedVersion(where: { fs: FileSystem }, pkg: string): string | undefined {
  return installedPackage(where.fs, pkg)?.version;
}

/** setHold marks packages held or not (apt-mark hold / unhold); it returns the names whose state changed. */
export function setHold(fs: FileSystem, names: string[], hold: boolean): string[] {
  const list = readStatus(fs);
  const changed: string[] = [];
  for (const p of list) {
    if (!names.includes(p.name)) continue;
    const want = hold ? 'hold' : 'install';
    if (p.want !== want) {
      p.want = want;
      changed.push(p.name);
    }
  }
  if (changed.length) writeStatus(fs, list);
  return changed;
}
