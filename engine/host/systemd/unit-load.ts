import type { FileSystem } from '../types.ts';
import { applyAssignments, defaultConfig, type UnitConfig } from './unit-config.ts';
import { parseUnitFile } from './unit-file.ts';

/** UNIT_PATHS is where unit files are looked up, highest priority first (Ubuntu's systemd 249). */
export const UNIT_PATHS = ['/etc/systemd/system', '/run/systemd/system', '/usr/local/lib/systemd/system', '/lib/systemd/system', '/usr/lib/systemd/system'];

/**
 * DROPIN_PATHS orders drop-in folders. On Ubuntu, /lib is a symlink to
 * /usr/lib; systemd reports the unit file under /lib but its packaged drop-ins
 * under /usr/lib ("Drop-In: /usr/lib/systemd/system/kubelet.service.d"), so the
 * /usr/lib spelling wins for drop-ins.
 */
export const DROPIN_PATHS = ['/etc/systemd/system', '/run/systemd/system', '/usr/local/lib/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'];

/** LoadState is what "Loaded:" says. */
export type LoadState = 'loaded' | 'not-found' | 'masked' | 'bad-setting';

/** LoadedUnit is a unit as systemd has it in memory after the last (daemon-)reload. */
export interface LoadedUnit {
  name: string;
  loadState: LoadState;
  fragmentPath?: string;
  dropIns: string[];
  config: UnitConfig;
  /** fingerprint of every file the unit was built from, to detect changes needing daemon-reload */
  fingerprint: string;
  warnings: string[];
}

/** unitName adds ".service" when the name has no unit type suffix, as systemctl does. */
export function unitName(arg: string): string {
  return /\.(service|socket|target|timer|mount|path|slice|scope|swap|device|automount)$/.test(arg) ? arg : `${arg}.service`;
}

function tryStat(fs: FileSystem, path: string): string | undefined {
  try {
    const s = fs.stat(path);
    // systemd compares modification times; a content hash also catches rewrites within one simulated millisecond.
    return s.type === 'file' ? `${s.ino}:${s.mtime}:${s.size}:${hash(fs.readFile(path))}` : `${s.ino}:${s.mtime}`;
  } catch {
    return undefined;
  }
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

function isMasked(fs: FileSystem, path: string): boolean {
  try {
    if (fs.lstat(path).type === 'symlink' && fs.readlink(path) === '/dev/null') return true;
    return fs.stat(path).size === 0 && fs.realpath(path) === '/dev/null';
  } catch {
    return false;
  }
}

/** findFragment returns the path of the unit file that wins, or a masking link. */
export function findFragment(fs: FileSystem, name: string): { path: string; masked: boolean } | undefined {
  for (const dir of UNIT_PATHS) {
    const p = `${dir}/${name}`;
    if (isMasked(fs, p)) return { path: p, masked: true };
    if (tryStat(fs, p) !== undefined && fs.stat(p).type === 'file') return { path: p, masked: false };
  }
  return undefined;
}

/** findDropIns lists *.conf drop-ins of a unit, ordered by file name, a name in a higher-priority folder hiding the others. */
export function findDropIns(fs: FileSystem, name: string): string[] {
  const byName = new Map<string, string>();
  const seenReal = new Set<string>();
  for (const dir of DROPIN_PATHS) {
    const d = `${dir}/${name}.d`;
    let entries: string[];
    try {
      entries = fs.readdir(d);
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.endsWith('.conf') || byName.has(e)) continue;
      const p = `${d}/${e}`;
      let real = p;
      try {
        real = fs.realpath(p);
      } catch {
        continue;
      }
      if (seenReal.has(real)) continue;
      seenReal.add(real);
      byName.set(e, p);
    }
  }
  return [...byName.keys()].sort().map((k) => byName.get(k)!);
}

/** fingerprintOf summarises the files a unit would be built from now. */
export function fingerprintOf(fs: FileSystem, name: string): string {
  const f = findFragment(fs, name);
  const parts = [f ? `${f.path}=${f.masked ? 'masked' : tryStat(fs, f.path)}` : '-'];
  for (const d of findDropIns(fs, name)) parts.push(`${d}=${tryStat(fs, d)}`);
  return parts.join('|');
}

/** loadUnit reads a unit and its drop-ins from disk. */
export function loadUnit(fs: FileSystem, name: string): LoadedUnit {
  const fingerprint = fingerprintOf(fs, name);
  const config = defaultConfig();
  const frag = findFragment(fs, name);
  if (!frag) return { name, loadState: 'not-found', dropIns: [], config, fingerprint, warnings: [] };
  if (frag.masked) return { name, loadState: 'masked', fragmentPath: frag.path, dropIns: [], config, fingerprint, warnings: [] };
  const dropIns = findDropIns(fs, name);
  const warnings: string[] = [];
  for (const path of [frag.path, ...dropIns]) {
    let text = '';
    try {
      text = fs.readFile(path);
    } catch {
      continue;
    }
    const parsed = parseUnitFile(text, path);
    warnings.push(...parsed.warnings, ...applyAssignments(config, parsed.assignments));
  }
  let loadState: LoadState = 'loaded';
  if (name.endsWith('.service') && config.execStart.length === 0 && config.type !== 'oneshot') {
    loadState = 'bad-setting';
    warnings.push(`${name}: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.`);
  }
  if (config.type !== 'oneshot' && config.execStart.length > 1) {
    loadState = 'bad-setting';
    warnings.push(`${name}: Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.`);
  }
  return { name, loadState, fragmentPath: frag.path, dropIns, config, fingerprint, warnings };
}

/** listUnitFiles names every *.service/*.target file on the unit path (for list-unit-files). */
export function listUnitFiles(fs: FileSystem): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of UNIT_PATHS) {
    let entries: string[] = [];
    try {
      entries = fs.readdir(dir);
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!/\.(service|target|socket|timer)$/.test(e) || out.has(e)) continue;
      out.set(e, `${dir}/${e}`);
    }
  }
  return out;
}
