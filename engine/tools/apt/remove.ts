import type { Process } from '../../host/process.ts';
import { readingDatabase, removePackage } from '../../host/packages/apply.ts';
import { AptCache } from '../../host/packages/candidates.ts';
import { SERVICES } from '../../host/packages/files.ts';
import { bytesText } from '../../host/packages/sizes.ts';
import { progressLines, READING, readYes, sdOf, wrapList } from './common.ts';
import type { InstallFlags } from './install.ts';

/** runRemove is `apt-get remove|purge`: the REMOVED list, the prompt, dpkg's "Removing" lines. */
export async function runRemove(p: Process, args: string[], f: InstallFlags, purge: boolean): Promise<number> {
  p.stdout.write(progressLines(p, READING));
  const cache = new AptCache(p.fs);
  const errors: string[] = [];
  const notes: string[] = [];
  const victims = [];
  for (const a of args) {
    const v = cache.view(a);
    if (!v) errors.push(`E: Unable to locate package ${a}`);
    else if (!v.installed) notes.push(`Package '${a}' is not installed, so not removed`);
    else victims.push(v.installed);
  }
  if (errors.length) {
    p.stderr.write(errors.join('\n') + '\n');
    return 100;
  }
  let text = notes.map((n) => n + '\n').join('');
  const names = victims.map((v) => v.name).sort();
  if (names.length) text += 'The following packages will be REMOVED:\n' + wrapList(names.map((n) => (purge ? `${n}*` : n)));
  const held = victims.filter((v) => v.want === 'hold').map((v) => v.name);
  if (held.length) text += 'The following held packages will be changed:\n' + wrapList(held);
  text += `0 upgraded, 0 newly installed, ${names.length} to remove and ${cache.upgradable().filter((u) => !names.includes(u.name)).length} not upgraded.\n`;
  p.stdout.write(text);
  if (names.length === 0) return 0;
  if (held.length && f.yes && !f.allowHeld) {
    p.stderr.write('E: Held packages were changed and -y was used without --allow-change-held-packages.\n');
    return 100;
  }
  p.stdout.write(`After this operation, ${bytesText(victims.reduce((n, v) => n + v.installedSize * 1024, 0))} disk space will be freed.\n`);
  if (!f.yes) {
    p.stdout.write('Do you want to continue? [Y/n] ');
    if (!(await readYes(p))) {
      p.stdout.write('Abort.\n');
      return 1;
    }
  }
  const out = [readingDatabase(p.fs)];
  const sd = sdOf(p);
  for (const v of victims.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    out.push(`Removing ${v.name} (${v.version}) ...`);
    const unit = SERVICES[v.name];
    if (unit && sd) {
      sd.stop(unit);
      sd.disable(unit);
    }
    removePackage(p.fs, v.name, purge);
    if (purge) out.push(`Purging configuration files for ${v.name} (${v.version}) ...`);
  }
  p.stdout.write(out.map((l) => l + '\n').join(''));
  return 0;
}
