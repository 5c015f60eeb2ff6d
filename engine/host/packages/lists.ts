import type { FileSystem } from '../types.ts';
import { infoOf, packagesStanza, parseStanzas } from './stanza.ts';
import { listFileBase, readSources, type SourceLine } from './sources.ts';
import type { PackageInfo, Repo } from './types.ts';

/** LISTS_DIR holds the downloaded indexes (apt-get update). */
export const LISTS_DIR = '/var/lib/apt/lists';

/** Available is a package version some configured source offers, after the last apt-get update. */
export interface Available {
  info: PackageInfo;
  source: SourceLine;
  pin: number;
  /** what apt prints for the origin: "https://pkgs.k8s.io/core:/stable:/v1.35/deb  Packages" */
  origin: string;
}

function listPaths(s: SourceLine): { release: string; packages: string } {
  const base = `${LISTS_DIR}/${listFileBase(s)}`;
  return { release: `${base}_InRelease`, packages: s.suite === '/' ? `${base}_Packages` : `${base}_main_binary-amd64_Packages` };
}

/** indexText is the Packages file of a repository. */
export function indexText(repo: Repo): string {
  return repo.packages.map(packagesStanza).join('\n');
}

/** storedIndex returns the Packages text kept for a source, if any. */
export function storedIndex(fs: FileSystem, s: SourceLine): string | undefined {
  try {
    return fs.readFile(listPaths(s).packages);
  } catch {
    return undefined;
  }
}

/** storeIndex writes what apt-get update fetched for a source. */
export function storeIndex(fs: FileSystem, s: SourceLine, repo: Repo): void {
  fs.mkdir(LISTS_DIR, { recursive: true });
  const p = listPaths(s);
  fs.writeFile(p.release, `Origin: ${repo.fetchBase}\nSuite: ${s.suite}\nPin-Priority: ${repo.pin}\n`, { mode: 0o644 });
  fs.writeFile(p.packages, indexText(repo), { mode: 0o644 });
}

function pinOf(fs: FileSystem, s: SourceLine): number {
  try {
    return Number(/Pin-Priority: (\d+)/.exec(fs.readFile(listPaths(s).release))?.[1] ?? 500);
  } catch {
    return 500;
  }
}

/** available lists every package version offered by the configured sources whose index was downloaded. */
export function available(fs: FileSystem): Available[] {
  const out: Available[] = [];
  for (const s of readSources(fs).lines) {
    const text = storedIndex(fs, s);
    if (text === undefined) continue;
    const uri = s.uri.replace(/\/$/, '');
    const origin = s.suite === '/' ? `${uri}  Packages` : `${uri} ${s.suite}/main amd64 Packages`;
    const pin = pinOf(fs, s);
    for (const st of parseStanzas(text)) out.push({ info: infoOf(st), source: s, pin, origin });
  }
  return out;
}
