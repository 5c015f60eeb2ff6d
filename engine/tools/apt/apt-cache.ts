import type { Process } from '../../host/process.ts';
import { AptCache } from '../../host/packages/candidates.ts';
import { STATUS_FILE } from '../../host/packages/db.ts';
import { compareVersions as cmp } from '../../host/packages/version.ts';

/** madisonLines is `apt-cache madison`: name and version right-aligned in 10 columns, then the origin. */
export function madisonLines(cache: AptCache, name: string): string {
  const v = cache.view(name);
  if (!v) return '';
  return v.versions.map((a) => `${name.padStart(10)} | ${a.info.version.padStart(10)} | ${a.origin}\n`).join('');
}

/** policyText is `apt-cache policy <pkg>`. */
export function policyText(cache: AptCache, name: string): string {
  const v = cache.view(name);
  if (!v) return '';
  const inst = v.installed?.version;
  let t = `${name}:\n  Installed: ${inst ?? '(none)'}\n  Candidate: ${cache.candidateVersion(name) ?? '(none)'}\n  Version table:\n`;
  const versions = new Map<string, Array<[number, string]>>();
  for (const a of v.versions) versions.set(a.info.version, [[a.pin, a.origin]]);
  if (inst) versions.set(inst, [...(versions.get(inst) ?? []), [100, STATUS_FILE]]);
  const sorted = [...versions.entries()].sort((a, b) => -cmp(a[0], b[0]));
  for (const [ver, origins] of sorted) {
    const top = Math.max(...origins.map(([pin]) => pin));
    t += `${ver === inst ? ' *** ' : '     '}${ver} ${top}\n`;
    for (const [pin, o] of origins) t += `        ${String(pin).padStart(3)} ${o}\n`;
  }
  return t;
}

/** policySources is `apt-cache policy` without arguments: the sources and their priorities. */
function policySources(cache: AptCache): string {
  let t = 'Package files:\n 100 /var/lib/dpkg/status\n     release a=now\n';
  const seen = new Set<string>();
  for (const a of cache.available) {
    if (seen.has(a.origin)) continue;
    seen.add(a.origin);
    t += ` ${a.pin} ${a.origin}\n`;
    if (a.source.suite !== '/') t += `     release v=22.04,o=Ubuntu,a=${a.source.suite},n=${a.source.suite.split('-')[0]},l=Ubuntu,c=main,b=amd64\n     origin ${/\/\/([^/]+)/.exec(a.source.uri)?.[1]}\n`;
  }
  return t + 'Pinned packages:\n';
}

/** showText is `apt-cache show <pkg>`: every available version's record. */
function showText(cache: AptCache, name: string): string {
  const v = cache.view(name)!;
  return v.versions.map((a) => {
    const i = a.info;
    return [`Package: ${i.name}`, `Architecture: ${i.architecture}`, `Version: ${i.version}`, `Priority: ${i.priority}`, `Section: ${i.section}`, `Maintainer: ${i.maintainer}`, `Installed-Size: ${i.installedSize}`,
      ...(i.depends ? [`Depends: ${i.depends}`] : []), `Filename: pool/${i.name}_${i.version}_${i.architecture}.deb`, `Size: ${i.size}`, ...(i.homepage ? [`Homepage: ${i.homepage}`] : []), `Description: ${i.description}`, ''].join('\n') + '\n';
  }).join('');
}

/** runAptCache is /usr/bin/apt-cache. */
export async function runAptCache(p: Process): Promise<number> {
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [op, ...names] = args;
  const cache = new AptCache(p.fs);
  switch (op) {
    case 'madison': {
      let out = '';
      for (const n of names) {
        const m = madisonLines(cache, n);
        if (!m && !cache.view(n)) p.stderr.write(`N: Unable to locate package ${n}\n`);
        out += m;
      }
      p.stdout.write(out);
      return 0;
    }
    case 'policy': {
      if (names.length === 0) {
        p.stdout.write(policySources(cache));
        return 0;
      }
      p.stdout.write(names.map((n) => policyText(cache, n)).join(''));
      return 0;
    }
    case 'show': {
      for (const n of names) {
        if (!cache.view(n) || cache.view(n)!.versions.length === 0) {
          p.stderr.write(`N: Unable to locate package ${n}\nE: No packages found\n`);
          return 100;
        }
        p.stdout.write(showText(cache, n));
      }
      return 0;
    }
    case 'search': {
      const re = new RegExp(names.join('|') || '.', 'i');
      p.stdout.write(cache.names().map((n) => ({ n, v: cache.view(n)! })).filter(({ n, v }) => re.test(n) || re.test(v.versions[0]?.info.description ?? v.installed?.description ?? '')).map(({ n, v }) => `${n} - ${v.versions[0]?.info.description ?? v.installed?.description}\n`).join(''));
      return 0;
    }
    case 'pkgnames':
      p.stdout.write(cache.names().filter((n) => !names[0] || n.startsWith(names[0])).map((n) => n + '\n').join(''));
      return 0;
    case undefined:
      p.stdout.write('apt 2.4.14 (amd64)\nUsage: apt-cache [options] command\n       apt-cache [options] show pkg1 [pkg2 ...]\n');
      return 1;
    default:
      p.stderr.write(`E: Invalid operation ${op}\n`);
      return 100;
  }
}
