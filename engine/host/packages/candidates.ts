import type { FileSystem } from '../types.ts';
import { readStatus } from './db.ts';
import { available, type Available } from './lists.ts';
import type { Installed } from './types.ts';
import { compareVersions } from './version.ts';

/** PackageView is everything apt knows about one package name. */
export interface PackageView {
  name: string;
  installed?: Installed;
  /** versions offered by the sources, newest first (one entry per version; the first origin wins) */
  versions: Available[];
  candidate?: Available;
}

/** AptCache is the state apt works from: the dpkg database and the downloaded indexes. */
export class AptCache {
  readonly installed: Installed[];
  readonly available: Available[];
  private views = new Map<string, PackageView>();

  constructor(readonly fs: FileSystem) {
    this.installed = readStatus(fs).filter((p) => p.state === 'installed');
    this.available = available(fs);
  }

  /** view returns a package's versions and candidate (undefined when apt has never heard of it). */
  view(name: string): PackageView | undefined {
    const cached = this.views.get(name);
    if (cached) return cached;
    const installed = this.installed.find((p) => p.name === name);
    const byVersion = new Map<string, Available>();
    for (const a of this.available) if (a.info.name === name && !byVersion.has(a.info.version)) byVersion.set(a.info.version, a);
    const versions = [...byVersion.values()].sort((a, b) => compareVersions(b.info.version, a.info.version));
    if (!installed && versions.length === 0) return undefined;
    // The candidate is the newest version of the highest priority (an installed version counts as priority 100).
    let candidate: Available | undefined;
    for (const v of versions) if (!candidate || v.pin > candidate.pin) candidate = v;
    if (installed && candidate && candidate.pin <= 100 && compareVersions(installed.version, candidate.info.version) > 0) candidate = undefined;
    const view: PackageView = { name, installed, versions, candidate };
    this.views.set(name, view);
    return view;
  }

  /** candidateVersion is the version apt would install ("Candidate:"), the installed one if none is newer. */
  candidateVersion(name: string): string | undefined {
    const v = this.view(name);
    if (!v) return undefined;
    if (v.candidate && (!v.installed || compareVersions(v.candidate.info.version, v.installed.version) > 0)) return v.candidate.info.version;
    return v.installed?.version ?? v.candidate?.info.version;
  }

  /** upgradable lists installed packages whose candidate is newer. */
  upgradable(): Installed[] {
    return this.installed.filter((p) => {
      const c = this.candidateVersion(p.name);
      return c !== undefined && compareVersions(c, p.version) > 0;
    });
  }

  /** names lists every package name apt knows. */
  names(): string[] {
    return [...new Set([...this.installed.map((p) => p.name), ...this.available.map((a) => a.info.name)])].sort();
  }
}
