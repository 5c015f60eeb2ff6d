import type { FileSystem } from '../types.ts';
import type { LoadedUnit } from './unit-load.ts';

/** EnableState is what `systemctl is-enabled` prints. */
export type EnableState = 'enabled' | 'disabled' | 'static' | 'masked' | 'alias' | 'indirect' | 'not-found';

const ETC = '/etc/systemd/system';

function wantsDirs(fs: FileSystem): string[] {
  try {
    return fs.readdir(ETC).filter((d) => d.endsWith('.wants') || d.endsWith('.requires')).map((d) => `${ETC}/${d}`);
  } catch {
    return [];
  }
}

/** isLinked tells whether some *.wants or *.requires folder links the unit. */
function isLinked(fs: FileSystem, name: string): boolean {
  for (const d of wantsDirs(fs)) {
    try {
      fs.lstat(`${d}/${name}`);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** enableState reads a unit's enablement from the symlinks under /etc/systemd/system. */
export function enableState(fs: FileSystem, u: LoadedUnit): EnableState {
  if (u.loadState === 'masked') return 'masked';
  if (u.loadState === 'not-found') return 'not-found';
  if (isLinked(fs, u.name)) return 'enabled';
  if (!u.config.hasInstall) return 'static';
  return 'disabled';
}

/** Change is one line of enable/disable output: a symlink created or removed. */
export type Change = { kind: 'created'; link: string; target: string } | { kind: 'removed'; link: string };

/** enableLinks creates the [Install] symlinks of a unit (systemctl enable). */
export function enableLinks(fs: FileSystem, u: LoadedUnit): Change[] {
  const out: Change[] = [];
  const target = u.fragmentPath!;
  const add = (dir: string, name: string) => {
    const link = `${ETC}/${dir}/${name}`;
    try {
      fs.lstat(link);
      return;
    } catch {
      // create it below
    }
    fs.mkdir(`${ETC}/${dir}`, { recursive: true });
    fs.symlink(target, link);
    out.push({ kind: 'created', link, target });
  };
  for (const t of u.config.wantedBy) add(`${t}.wants`, u.name);
  for (const t of u.config.requiredBy) add(`${t}.requires`, u.name);
  for (const a of u.config.alias) {
    const link = `${ETC}/${a}`;
    try {
      fs.lstat(link);
    } catch {
      fs.symlink(target, link);
      out.push({ kind: 'created', link, target });
    }
  }
  return out;
}

/** disableLinks removes every link naming the unit under /etc/systemd/system (systemctl disable). */
export function disableLinks(fs: FileSystem, u: LoadedUnit): Change[] {
  const out: Change[] = [];
  for (const d of wantsDirs(fs)) {
    const link = `${d}/${u.name}`;
    try {
      fs.lstat(link);
    } catch {
      continue;
    }
    fs.unlink(link);
    out.push({ kind: 'removed', link });
  }
  for (const a of u.config.alias) {
    const link = `${ETC}/${a}`;
    try {
      if (fs.lstat(link).type === 'symlink') {
        fs.unlink(link);
        out.push({ kind: 'removed', link });
      }
    } catch {
      // no alias link
    }
  }
  return out;
}

/** changeText is systemctl's line for a change: `Created symlink /etc/… → /lib/…` / `Removed /etc/…`. */
export function changeText(c: Change): string {
  // systemd 249 writes "Removed /etc/…/x.service." (quotes arrived in v252).
  return c.kind === 'created' ? `Created symlink ${c.link} → ${c.target}.` : `Removed ${c.link}.`;
}
