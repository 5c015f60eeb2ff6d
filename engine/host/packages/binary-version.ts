import { programNameOf } from '../binaries.ts';
import type { Process } from '../process.ts';
import { installedVersion } from './db.ts';
import { binaryPackageVersion } from './files.ts';

/**
 * binaryVersion is the upstream version ("1.34.3") of a packaged binary as a
 * process runs it: the package version recorded in the binary it was started
 * from (its argv[0], or the first on PATH), so an apt upgrade changes what a
 * freshly started process reports while a running one keeps its own; else
 * the installed package's; undefined when neither says.
 */
export function binaryVersion(p: Process, pkg: string): string | undefined {
  const name = p.argv[0] ?? pkg;
  const dirs = name.includes('/') ? [''] : (p.env['PATH'] ?? '/usr/bin:/bin').split(':').map((d) => `${d}/`);
  for (const d of dirs) {
    const path = name.includes('/') ? name : `${d}${name}`;
    try {
      const content = p.fs.readFile(path);
      if (programNameOf(content) === undefined) continue;
      const v = binaryPackageVersion(content);
      if (v) return v.version.replace(/-.*$/, '');
      break;
    } catch {
      /* next PATH entry */
    }
  }
  return installedVersion(p, pkg)?.replace(/-.*$/, '');
}
