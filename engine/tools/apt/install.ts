import type { Process } from '../../host/process.ts';
import { applyChanges } from '../../host/packages/apply.ts';
import { AptCache } from '../../host/packages/candidates.ts';
import { readDebFile } from '../../host/packages/deb-file.ts';
import { planInstall, type Change, type Request } from '../../host/packages/plan.ts';
import { bytesText } from '../../host/packages/sizes.ts';
import { dpkgNow, progressLines, READING, readYes, sdOf, wrapList } from './common.ts';
import { fetchedLine } from './update.ts';

/** InstallFlags are the apt-get options that change an install. */
export interface InstallFlags {
  yes: boolean;
  allowHeld: boolean;
  allowDowngrades: boolean;
  simulate: boolean;
}

const UNMET_HEAD = `Some packages could not be installed. This may mean that you have
requested an impossible situation or if you are using the unstable
distribution that some required packages have not yet been created
or been moved out of Incoming.
The following information may help to resolve the situation:

The following packages have unmet dependencies:
`;

function getLine(n: number, c: Change): string {
  const o = c.origin!;
  const s = o.source;
  const base = s.suite === '/' ? `${o.origin.replace(/  Packages$/, '')}` : s.uri.replace(/\/$/, '');
  const fetchBase = s.suite === '/' && /pkgs\.k8s\.io/.test(base) ? base.replace(/^https:\/\/pkgs\.k8s\.io\/(.*)$/, 'https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/$1') : base;
  return s.suite === '/'
    ? `Get:${n} ${fetchBase}  ${c.name} ${c.info.version} [${bytesText(c.info.size)}]`
    : `Get:${n} ${fetchBase} ${s.suite}/main amd64 ${c.name} ${c.info.architecture} ${c.info.version} [${bytesText(c.info.size)}]`;
}

/** parseRequests turns install arguments into requests; local .deb paths are read from disk. */
export function parseRequests(p: Process, args: string[]): { requests: Request[]; errors: string[] } {
  const requests: Request[] = [];
  const errors: string[] = [];
  for (const a of args) {
    if (a.endsWith('.deb') && a.includes('/')) {
      const path = a.startsWith('/') ? a : `${p.cwd.replace(/\/$/, '')}/${a.replace(/^\.\//, '')}`;
      let content: string;
      try {
        content = p.fs.readFile(path);
      } catch {
        errors.push(`E: Unsupported file ${a} given on commandline`);
        continue;
      }
      const info = readDebFile(content, path);
      if ('error' in info) errors.push(`E: Unsupported file ${a} given on commandline`);
      else requests.push({ name: info.name, deb: info, debPath: path });
      continue;
    }
    const eq = a.indexOf('=');
    requests.push(eq > 0 ? { name: a.slice(0, eq), version: a.slice(eq + 1) } : { name: a });
  }
  return { requests, errors };
}

/** runInstall is `apt-get install`, with its summary, the held-package checks, the prompt and dpkg's output. */
export async function runInstall(p: Process, args: string[], f: InstallFlags, upgradeAll = false): Promise<number> {
  const fs = p.fs;
  const { requests, errors: argErrors } = parseRequests(p, args);
  p.stdout.write(progressLines(p, READING));
  if (argErrors.length) {
    p.stderr.write(argErrors.join('\n') + '\n');
    return 100;
  }
  const cache = new AptCache(fs);
  const held = new Set(cache.installed.filter((i) => i.want === 'hold').map((i) => i.name));
  const reqs = upgradeAll ? cache.upgradable().filter((i) => !held.has(i.name)).map((i) => ({ name: i.name })) : requests;
  const plan = planInstall(cache, reqs);
  if (plan.notes.length) p.stdout.write(plan.notes.join('\n') + '\n');
  if (plan.errors.length) {
    const missingVersion = plan.errors.filter((e) => e.startsWith('E: Version '));
    for (const e of missingVersion) {
      const name = /for '([^']+)'/.exec(e)![1];
      p.stdout.write(`Package ${name} is not available, but is referred to by another package.\nThis may mean that the package is missing, has been obsoleted, or\nis only available from another source\n\n`);
    }
    p.stderr.write(plan.errors.join('\n') + '\n');
    return 100;
  }
  if (plan.unmet.length) {
    p.stdout.write(UNMET_HEAD + plan.unmet.join('\n') + '\n');
    p.stderr.write('E: Unable to correct problems, you have held broken packages.\n');
    return 100;
  }
  const ch = plan.changes;
  const names = (k: (c: Change) => boolean) => ch.filter(k).map((c) => c.name);
  const additional = names((c) => c.auto && c.kind === 'new');
  const fresh = names((c) => c.kind === 'new');
  const heldChanged = names((c) => held.has(c.name));
  const upgraded = names((c) => c.kind === 'upgrade');
  const downgraded = names((c) => c.kind === 'downgrade');
  let text = '';
  if (upgradeAll) text += 'Calculating upgrade...' + (p.stdout.isTTY ? ' Done' : '') + '\n';
  if (additional.length) text += 'The following additional packages will be installed:\n' + wrapList(additional);
  if (fresh.length) text += 'The following NEW packages will be installed:\n' + wrapList(fresh);
  if (upgradeAll && held.size) text += 'The following packages have been kept back:\n' + wrapList([...held].filter((h) => cache.upgradable().some((u) => u.name === h)));
  if (heldChanged.length) text += 'The following held packages will be changed:\n' + wrapList(heldChanged);
  if (upgraded.length) text += 'The following packages will be upgraded:\n' + wrapList(upgraded);
  if (downgraded.length) text += 'The following packages will be DOWNGRADED:\n' + wrapList(downgraded);
  // Packages named on the command line are not "not upgraded", even when kept at their version.
  const planned = new Set([...ch.map((c) => c.name), ...reqs.map((r) => r.name)]);
  const notUpgraded = cache.upgradable().filter((u) => !planned.has(u.name)).length;
  text += `${upgraded.length} upgraded, ${fresh.length} newly installed, ${downgraded.length ? `${downgraded.length} downgraded, ` : ''}0 to remove and ${notUpgraded} not upgraded.\n`;
  p.stdout.write(text);
  if (ch.length === 0) return 0;
  if (heldChanged.length && !f.allowHeld && f.yes) {
    p.stderr.write('E: Held packages were changed and -y was used without --allow-change-held-packages.\n');
    return 100;
  }
  if (downgraded.length && !f.allowDowngrades && f.yes) {
    p.stderr.write('E: Packages were downgraded and -y was used without --allow-downgrades.\n');
    return 100;
  }
  const download = ch.filter((c) => !c.debPath).reduce((n, c) => n + c.info.size, 0);
  const grow = ch.reduce((n, c) => n + c.info.installedSize * 1024 - (c.from ? (cache.view(c.name)?.installed?.installedSize ?? 0) * 1024 : 0), 0);
  let sizes = download > 0 ? `Need to get ${bytesText(download)} of archives.\n` : '';
  sizes += grow >= 0 ? `After this operation, ${bytesText(grow)} of additional disk space will be used.\n` : `After this operation, ${bytesText(-grow)} disk space will be freed.\n`;
  p.stdout.write(sizes);
  if (!f.yes && !f.simulate) {
    p.stdout.write('Do you want to continue? [Y/n] ');
    if (!(await readYes(p))) {
      p.stdout.write('Abort.\n');
      return 1;
    }
  }
  if (f.simulate) {
    p.stdout.write(ch.map((c) => `Inst ${c.name}${c.from ? ` [${c.from}]` : ''} (${c.info.version})\n`).join('') + ch.map((c) => `Conf ${c.name} (${c.info.version})\n`).join(''));
    return 0;
  }
  const remote = ch.filter((c) => !c.debPath);
  if (remote.length) p.stdout.write(remote.map((c, i) => getLine(i + 1, c) + '\n').join('') + fetchedLine(download) + '\n');
  const lines: string[] = [];
  applyChanges(fs, ch, { out: (l) => lines.push(l), systemd: sdOf(p), now: dpkgNow(p.sys.runtime.now) });
  p.stdout.write(lines.map((l) => l + '\n').join(''));
  return 0;
}
