import type { Process } from '../../host/process.ts';
import { loadedModules, loadModule, MODULES, unloadModule } from './kernel.ts';

const KERNEL = '5.15.0-122-generic';

/** runModprobe is /usr/sbin/modprobe: load (or with -r remove) modules the lab knows. */
export async function runModprobe(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  const remove = args.includes('-r') || args.includes('--remove');
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    p.stderr.write('modprobe: ERROR: missing parameters. See -h.\n');
    return 1;
  }
  for (const n of remove ? names : names.slice(0, 1)) {
    const known = !!MODULES[n.replace(/-/g, '_')];
    if (!known) {
      p.stderr.write(remove ? `modprobe: FATAL: Module ${n} not found.\n` : `modprobe: FATAL: Module ${n} not found in directory /lib/modules/${KERNEL}\n`);
      return 1;
    }
    if (p.user.uid !== 0) {
      const loaded = loadedModules(p.fs).some((m) => m.name === n.replace(/-/g, '_'));
      if (loaded && !remove) continue;
      p.stderr.write(remove ? `modprobe: ERROR: could not remove '${n}': Operation not permitted\n` : `modprobe: ERROR: could not insert '${n}': Operation not permitted\n`);
      return 1;
    }
    if (remove) {
      const r = unloadModule(p.fs, n);
      if (!r.ok) {
        p.stderr.write(r.error + '\n');
        return 1;
      }
    } else loadModule(p.fs, n);
  }
  return 0;
}

/** runLsmod is /usr/sbin/lsmod: /proc/modules as a table. */
export async function runLsmod(p: Process): Promise<number> {
  let out = 'Module                  Size  Used by\n';
  for (const m of loadedModules(p.fs)) {
    out += `${m.name.padEnd(19)} ${String(m.size).padStart(8)}  ${m.usedBy.length}${m.usedBy.length ? ' ' + m.usedBy.join(',') : ''}\n`;
  }
  p.stdout.write(out);
  return 0;
}
