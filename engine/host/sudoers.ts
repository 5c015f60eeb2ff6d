import type { FileSystem, User } from './types.ts';

/** SudoRule is what sudo decides for one user: may they run commands as root, and without a password? */
export interface SudoRule {
  allowed: boolean;
  nopasswd: boolean;
}

interface Line {
  who: string;
  nopasswd: boolean;
}

function read(fs: FileSystem, path: string): string | undefined {
  try {
    return fs.readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * sudoersLines reads /etc/sudoers and the folders it includes (@includedir or
 * #includedir), keeping file order, because the last matching rule wins.
 */
function sudoersLines(fs: FileSystem, path = '/etc/sudoers', depth = 0): Line[] {
  const text = read(fs, path);
  if (text === undefined || depth > 4) return [];
  const out: Line[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const inc = /^[#@]includedir\s+(\S+)/.exec(line);
    if (inc) {
      let names: string[] = [];
      try {
        names = fs.readdir(inc[1]!);
      } catch {
        names = [];
      }
      for (const n of names) if (!n.includes('.') && !n.endsWith('~')) out.push(...sudoersLines(fs, `${inc[1]}/${n}`, depth + 1));
      continue;
    }
    if (line === '' || line.startsWith('#') || /^Defaults\b/.test(line) || /^\w+_Alias\b/.test(line)) continue;
    const m = /^(\S+)\s+\S+\s*=\s*(\([^)]*\))?\s*(.*)$/.exec(line);
    if (!m) continue;
    out.push({ who: m[1]!, nopasswd: /NOPASSWD\s*:/.test(m[3]!) });
  }
  return out;
}

/** sudoRule evaluates the sudoers policy of a host for user (groups are given by name). */
export function sudoRule(fs: FileSystem, user: User, groupNames: string[]): SudoRule {
  if (user.uid === 0) return { allowed: true, nopasswd: true };
  let rule: SudoRule = { allowed: false, nopasswd: false };
  for (const l of sudoersLines(fs)) {
    const matches = l.who === user.name || (l.who.startsWith('%') && groupNames.includes(l.who.slice(1))) || l.who === 'ALL';
    if (matches) rule = { allowed: true, nopasswd: l.nopasswd };
  }
  return rule;
}
