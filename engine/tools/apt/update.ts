import type { Process } from '../../host/process.ts';
import { storedIndex, indexText, storeIndex } from '../../host/packages/lists.ts';
import { hostOf, readSources, repoFor, type SourceLine } from '../../host/packages/sources.ts';
import { bytesText } from '../../host/packages/sizes.ts';
import { progressLines } from './common.ts';

function display(s: SourceLine, base: string, file: string): string {
  return s.suite === '/' ? `${base}  ${file}` : `${base} ${s.suite} ${file}`;
}

/** fetchedLine is "Fetched 1911 B in 0s (21.9 kB/s)" for a simulated 20 MB/s link. */
export function fetchedLine(bytes: number): string {
  const secs = Math.floor(bytes / 20_000_000);
  const rate = bytes / Math.max(secs, 0.09);
  return `Fetched ${bytesText(bytes)} in ${secs}s (${bytesText(rate)}/s)`;
}

/** runUpdate is `apt-get update`: fetch every source's index, print Hit/Get/Err lines. */
export function runUpdate(p: Process): number {
  const fs = p.fs;
  const { lines, errors } = readSources(fs);
  if (errors.length) {
    p.stderr.write(errors.join('\n') + '\nE: The list of sources could not be read.\n');
    return 100;
  }
  let n = 0;
  let fetched = 0;
  const warnings: string[] = [];
  const out: string[] = [];
  for (const s of lines) {
    n++;
    const repo = repoFor(s);
    const base = repo ? repo.fetchBase : s.uri.replace(/\/$/, '');
    if (!repo) {
      const host = hostOf(s.uri);
      const known = /(^|\.)(ubuntu\.com|k8s\.io|docker\.com|baltocdn\.com)$/.test(host);
      const why = known ? '404  Not Found [IP: 18.173.121.17 443]' : `Temporary failure resolving '${host}'`;
      out.push(`${known ? 'Ign' : 'Err'}:${n} ${display(s, base, 'InRelease')}`);
      if (!known) out.push(`  ${why}`);
      if (known) {
        out.push(`Err:${++n} ${display(s, base, 'Release')}`, `  ${why}`);
        warnings.push(`E: The repository '${display(s, s.uri.replace(/\/$/, ''), 'Release')}' does not have a Release file.`, 'N: Updating from such a repository can\'t be done securely, and is therefore disabled by default.', 'N: See apt-secure(8) manpage for repository creation and user configuration details.');
      } else {
        warnings.push(`W: Failed to fetch ${s.uri.replace(/\/$/, '')}/${s.suite === '/' ? '' : `dists/${s.suite}/`}InRelease  ${why}`);
      }
      continue;
    }
    if (s.signedBy && !fs.exists(s.signedBy)) {
      const msg = 'The following signatures couldn\'t be verified because the public key is not available: NO_PUBKEY 234654DA9A296436';
      out.push(`Get:${n} ${display(s, base, 'InRelease')} [${bytesText(repo.releaseSize)}]`, `Err:${n} ${display(s, base, 'InRelease')}`, `  ${msg}`);
      fetched += repo.releaseSize;
      warnings.push(`W: GPG error: ${display(s, base, 'InRelease')}: ${msg}`, `E: The repository '${display(s, s.uri.replace(/\/$/, ''), 'InRelease')}' is not signed.`,
        'N: Updating from such a repository can\'t be done securely, and is therefore disabled by default.', 'N: See apt-secure(8) manpage for repository creation and user configuration details.');
      continue;
    }
    const fresh = indexText(repo);
    if (storedIndex(fs, s) === fresh) {
      out.push(`Hit:${n} ${display(s, base, 'InRelease')}`);
      continue;
    }
    out.push(`Get:${n} ${display(s, base, 'InRelease')} [${bytesText(repo.releaseSize)}]`);
    const pkgs = s.suite === '/' ? 'Packages' : `${s.suite}/main amd64 Packages`;
    const size = fresh.length;
    out.push(`Get:${++n} ${s.suite === '/' ? `${base}  ${pkgs}` : `${base} ${pkgs}`} [${bytesText(size)}]`);
    fetched += repo.releaseSize + size;
    storeIndex(fs, s, repo);
  }
  let text = out.map((l) => l + '\n').join('');
  if (fetched > 0) text += fetchedLine(fetched) + '\n';
  text += progressLines(p, ['Reading package lists']);
  p.stdout.write(text);
  const errs = warnings.filter((w) => w.startsWith('E:') || w.startsWith('N:'));
  const warns = warnings.filter((w) => w.startsWith('W:'));
  if (warns.length && !errs.length) warns.push('W: Some index files failed to download. They have been ignored, or old ones used instead.');
  if (warns.length || errs.length) p.stderr.write([...warns, ...errs].join('\n') + '\n');
  return errs.some((e) => e.startsWith('E:')) ? 100 : 0;
}
