import type { FileSystem } from '../types.ts';
import type { Systemd } from '../systemd/systemd.ts';
import { readStatus, writeStatus } from './db.ts';
import { packagedBinary, packageFiles, SERVICES } from './files.ts';
import { configureOrder, type Change } from './plan.ts';
import type { PackageInfo } from './types.ts';

/** debName is the archive file name dpkg mentions: "kubeadm_1.35.0-1.1_amd64.deb" (epoch colon escaped as %3a). */
export function debName(p: PackageInfo): string {
  return `${p.name}_${p.version.replace(':', '%3a')}_${p.architecture}.deb`;
}

/** writePackageFiles puts a package's files on disk (binaries carry their version). */
export function writePackageFiles(fs: FileSystem, p: PackageInfo): string[] {
  const written: string[] = [];
  for (const f of packageFiles(p.name)) {
    if (f.dir) {
      fs.mkdir(f.path, { recursive: true, mode: 0o755 });
      continue;
    }
    const dir = f.path.slice(0, f.path.lastIndexOf('/'));
    fs.mkdir(dir, { recursive: true });
    if (f.conffile && fs.exists(f.path)) continue;
    const content = f.program !== undefined ? packagedBinary(f.program, p.name, p.version) : (f.content ?? '');
    const mode = f.program !== undefined ? 0o755 : (f.mode ?? 0o644);
    fs.writeFile(f.path, content, { mode, uid: 0, gid: 0 });
    fs.chmod(f.path, mode);
    written.push(f.path);
  }
  fs.mkdir('/var/lib/dpkg/info', { recursive: true });
  fs.writeFile(`/var/lib/dpkg/info/${p.name}.list`, packageFiles(p.name).map((f) => f.path + '\n').join(''));
  return written;
}

/** databaseCount is the "files and directories currently installed" of dpkg's banner. */
function databaseCount(fs: FileSystem): number {
  return 71000 + readStatus(fs).reduce((n, p) => n + 9 + packageFiles(p.name).length * 3, 0);
}

/**
 * readingDatabase is dpkg's banner with its progress counter; the carriage
 * returns make a terminal show only the last state, as on a real host.
 */
export function readingDatabase(fs: FileSystem): string {
  let s = '(Reading database ... ';
  for (let pct = 5; pct <= 100; pct += 5) s += `\r(Reading database ... ${pct}%`;
  return `${s}\r(Reading database ... ${databaseCount(fs)} files and directories currently installed.)`;
}

/** record writes a package into the status database (keeping a hold). */
export function recordInstalled(fs: FileSystem, p: PackageInfo, keepHold = true): void {
  const list = readStatus(fs);
  const old = list.find((x) => x.name === p.name);
  const rest = list.filter((x) => x.name !== p.name);
  // apt selects what it installs for "install", which drops a hold; dpkg -i keeps the selection.
  rest.push({ ...p, want: keepHold && old?.want === 'hold' ? 'hold' : 'install', state: 'installed' });
  writeStatus(fs, rest);
}

function logDpkg(fs: FileSystem, now: string, line: string): void {
  try {
    fs.writeFile('/var/log/dpkg.log', `${now} ${line}\n`, { append: true });
  } catch {
    // the log is best effort, as for dpkg
  }
}

/** ApplyOptions says where the output goes and which systemd the postinst scripts talk to. */
export interface ApplyOptions {
  out: (line: string) => void;
  systemd?: Systemd;
  /** now is "2026-01-05 09:00:00" for /var/log/dpkg.log */
  now: string;
  /** keepHold: dpkg -i keeps a hold; apt-get install sets the selection to install */
  keepHold?: boolean;
}

/**
 * applyChanges unpacks and sets up packages with dpkg's output: "Selecting
 * previously unselected package", "Unpacking x (v) over (old)", "Setting up",
 * and the postinst's "Created symlink" for a service installed for the first time.
 */
export function applyChanges(fs: FileSystem, changes: Change[], o: ApplyOptions): void {
  let banner = false;
  changes.forEach((c) => {
    if (c.kind === 'new') o.out(`Selecting previously unselected package ${c.name}.`);
    if (!banner) {
      o.out(readingDatabase(fs));
      banner = true;
    }
    const file = c.debPath ?? `.../${debName(c.info)}`;
    o.out(`Preparing to unpack ${file} ...`);
    o.out(c.from !== undefined ? `Unpacking ${c.name} (${c.info.version}) over (${c.from}) ...` : `Unpacking ${c.name} (${c.info.version}) ...`);
    writePackageFiles(fs, c.info);
    logDpkg(fs, o.now, c.from !== undefined ? `upgrade ${c.name}:${c.info.architecture} ${c.from} ${c.info.version}` : `install ${c.name}:${c.info.architecture} <none> ${c.info.version}`);
  });
  for (const c of configureOrder(changes)) {
    recordInstalled(fs, c.info, o.keepHold ?? false);
    o.out(`Setting up ${c.name} (${c.info.version}) ...`);
    logDpkg(fs, o.now, `status installed ${c.name}:${c.info.architecture} ${c.info.version}`);
    const unit = SERVICES[c.name];
    if (unit && c.from === undefined && o.systemd) {
      o.systemd.daemonReload();
      const r = o.systemd.enable(unit);
      for (const ch of r.changes) if (ch.kind === 'created') o.out(`Created symlink ${ch.link} → ${ch.target}.`);
      o.systemd.start(unit);
    }
  }
  // Only archive packages ship manual pages; pkgs.k8s.io packages fire no man-db trigger.
  if (changes.some((c) => /Ubuntu/.test(c.info.maintainer))) o.out('Processing triggers for man-db (2.10.2-1) ...');
}

/**
 * installQuietly installs packages without output or postinst actions: the
 * lab's image builder uses it to prepare hosts ("already installed" state).
 */
export function installQuietly(fs: FileSystem, infos: PackageInfo[], opts: { hold?: string[] } = {}): void {
  for (const p of infos) {
    writePackageFiles(fs, p);
    recordInstalled(fs, p);
  }
  if (opts.hold?.length) {
    const list = readStatus(fs);
    for (const p of list) if (opts.hold.includes(p.name)) p.want = 'hold';
    writeStatus(fs, list);
  }
}

/** removePackage deletes a package's files and its database entry (dpkg -r / apt-get remove). */
export function removePackage(fs: FileSystem, name: string, purge = false): boolean {
  const list = readStatus(fs);
  const p = list.find((x) => x.name === name && x.state === 'installed');
  if (!p) return false;
  for (const f of packageFiles(name)) {
    if (f.conffile && !purge) continue;
    try {
      fs.unlink(f.path);
    } catch {
      // already gone
    }
  }
  writeStatus(fs, list.filter((x) => x.name !== name));
  return true;
}
