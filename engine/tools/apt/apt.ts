import type { Process } from '../../host/process.ts';
import { AptCache } from '../../host/packages/candidates.ts';
import { compareVersions } from '../../host/packages/version.ts';
import { runAptCache } from './apt-cache.ts';
import { parseAptArgs, runAptGet } from './apt-get.ts';
import { progressLines, READING } from './common.ts';

const WARNING = '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';

/** listLine is one line of `apt list`: "kubeadm/unknown,now 1.34.3-1.1 amd64 [installed,upgradable to: 1.35.0-1.1]". */
function listLines(cache: AptCache, name: string, all: boolean, installedOnly: boolean): string[] {
  const v = cache.view(name)!;
  const inst = v.installed;
  const cand = cache.candidateVersion(name);
  const suiteOf = (version: string) => [...new Set(v.versions.filter((a) => a.info.version === version).map((a) => (a.source.suite === '/' ? 'unknown' : a.source.suite)))];
  const line = (version: string, arch: string) => {
    const suites = suiteOf(version);
    const isInst = inst?.version === version;
    const where = [...suites, ...(isInst ? ['now'] : [])].join(',');
    let flags = '';
    if (isInst) {
      const up = cand && compareVersions(cand, version) > 0;
      flags = ` [installed${suites.length === 0 && !up ? ',local' : ''}${up ? `,upgradable to: ${cand}` : ''}]`;
    } else if (inst && compareVersions(version, inst.version) > 0 && version === cand) {
      flags = ` [upgradable from: ${inst.version}]`;
    }
    return `${name}/${where} ${version} ${arch}${flags}`;
  };
  const versions = all ? [...new Set([...v.versions.map((a) => a.info.version), ...(inst ? [inst.version] : [])])].sort((a, b) => -compareVersions(a, b)) : [inst && (installedOnly || !(cand && compareVersions(cand, inst.version) > 0)) ? inst.version : (cand ?? inst!.version)];
  return versions.map((ver) => line(ver, v.versions.find((a) => a.info.version === ver)?.info.architecture ?? inst?.architecture ?? 'amd64'));
}

/** runApt is /usr/bin/apt, the interactive front end: list and the apt-get/apt-cache operations. */
export async function runApt(p: Process): Promise<number> {
  if (!p.stdout.isTTY) p.stderr.write(WARNING);
  const parsed = parseAptArgs(p.argv.slice(1).filter((a) => !['--installed', '--upgradable', '--all-versions', '-a'].includes(a)));
  if ('error' in parsed) {
    p.stderr.write(parsed.error + '\n');
    return 100;
  }
  const [op, ...args] = parsed.words;
  if (op === 'list') {
    const flags = p.argv.slice(2);
    p.stdout.write(`Listing...${p.stdout.isTTY ? ' Done' : ''}\n`);
    const cache = new AptCache(p.fs);
    let names = cache.names();
    if (flags.includes('--installed')) names = names.filter((n) => cache.view(n)?.installed);
    if (flags.includes('--upgradable')) names = names.filter((n) => cache.upgradable().some((u) => u.name === n));
    if (args.length) names = names.filter((n) => args.some((pat) => new RegExp('^' + pat.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$').test(n)));
    const all = flags.includes('-a') || flags.includes('--all-versions');
    const lines = names.flatMap((n) => listLines(cache, n, all, flags.includes('--installed')));
    p.stdout.write(lines.map((l) => l + '\n').join('') + (all && lines.length ? '\n' : ''));
    return 0;
  }
  if (op === 'show' || op === 'policy' || op === 'search' || op === 'madison') return runAptCache(p);
  const code = await runAptGet(p);
  if (op === 'update' && code === 0) {
    p.stdout.write(progressLines(p, READING.slice(1)));
    const n = new AptCache(p.fs).upgradable().length;
    p.stdout.write(n === 0 ? 'All packages are up to date.\n' : `${n} package${n === 1 ? ' can' : 's can'} be upgraded. Run 'apt list --upgradable' to see ${n === 1 ? 'it' : 'them'}.\n`);
  }
  return code;
}
