import type { Installed, PackageInfo } from './types.ts';

/** Stanzas of deb822 control data: "Field: value" lines, continuation lines start with a space, blank lines separate. */
export function parseStanzas(text: string): Array<Map<string, string>> {
  const out: Array<Map<string, string>> = [];
  let cur = new Map<string, string>();
  let last = '';
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (cur.size) out.push(cur);
      cur = new Map();
      continue;
    }
    if (line.startsWith(' ') && last) {
      cur.set(last, cur.get(last)! + '\n' + line);
      continue;
    }
    const i = line.indexOf(':');
    if (i < 0) continue;
    last = line.slice(0, i);
    cur.set(last, line.slice(i + 1).trim());
  }
  if (cur.size) out.push(cur);
  return out;
}

/** infoOf reads a package stanza. */
export function infoOf(s: Map<string, string>): PackageInfo {
  return {
    name: s.get('Package') ?? '',
    version: s.get('Version') ?? '',
    architecture: s.get('Architecture') ?? 'amd64',
    section: s.get('Section') ?? 'misc',
    priority: s.get('Priority') ?? 'optional',
    maintainer: s.get('Maintainer') ?? '',
    installedSize: Number(s.get('Installed-Size') ?? 0),
    size: Number(s.get('Size') ?? 0),
    depends: s.get('Depends'),
    description: (s.get('Description') ?? '').split('\n')[0]!,
    homepage: s.get('Homepage'),
  };
}

/** packagesStanza writes a repository index entry (Packages file). */
export function packagesStanza(p: PackageInfo): string {
  const lines = [`Package: ${p.name}`, `Architecture: ${p.architecture}`, `Version: ${p.version}`, `Priority: ${p.priority}`, `Section: ${p.section}`, `Maintainer: ${p.maintainer}`, `Installed-Size: ${p.installedSize}`];
  if (p.depends) lines.push(`Depends: ${p.depends}`);
  lines.push(`Filename: pool/${p.name}_${p.version.replace(/^\d+:/, '')}_${p.architecture}.deb`, `Size: ${p.size}`);
  if (p.homepage) lines.push(`Homepage: ${p.homepage}`);
  lines.push(`Description: ${p.description}`);
  return lines.join('\n') + '\n';
}

/** statusStanza writes a /var/lib/dpkg/status entry. */
export function statusStanza(p: Installed): string {
  const lines = [`Package: ${p.name}`, `Status: ${p.want} ok ${p.state}`, `Priority: ${p.priority}`, `Section: ${p.section}`, `Installed-Size: ${p.installedSize}`, `Maintainer: ${p.maintainer}`, `Architecture: ${p.architecture}`, `Version: ${p.version}`];
  if (p.depends) lines.push(`Depends: ${p.depends}`);
  lines.push(`Description: ${p.description}`);
  if (p.homepage) lines.push(`Homepage: ${p.homepage}`);
  return lines.join('\n') + '\n';
}
