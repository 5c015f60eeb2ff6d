import type { FileSystem, User } from './types.ts';

/** PasswdEntry is one line of /etc/passwd. */
export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

/** GroupEntry is one line of /etc/group. */
export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

/** parsePasswd reads /etc/passwd text, skipping malformed lines as glibc does. */
export function parsePasswd(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 7 || line.startsWith('#')) continue;
    const uid = Number(f[2]);
    const gid = Number(f[3]);
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) continue;
    out.push({ name: f[0]!, uid, gid, gecos: f[4]!, home: f[5]!, shell: f[6]! });
  }
  return out;
}

/** parseGroup reads /etc/group text. */
export function parseGroup(text: string): GroupEntry[] {
  const out: GroupEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 4 || line.startsWith('#')) continue;
    const gid = Number(f[2]);
    if (!Number.isInteger(gid)) continue;
    out.push({ name: f[0]!, gid, members: f[3]!.split(',').filter((m) => m !== '') });
  }
  return out;
}

function readOr(fs: FileSystem, path: string): string {
  try {
    return fs.readFile(path);
  } catch {
    return '';
  }
}

/**
 * Parsed account files by their text: every container of an image reads the
 * same /etc/passwd, and each container host asks for its users when it starts.
 */
const passwds = new Map<string, readonly PasswdEntry[]>();
const groups = new Map<string, readonly GroupEntry[]>();

function parsedOnce<T>(cache: Map<string, readonly T[]>, text: string, parse: (text: string) => T[]): readonly T[] {
  let hit = cache.get(text);
  if (!hit) {
    if (cache.size >= 64) cache.clear();
    hit = Object.freeze(parse(text));
    cache.set(text, hit);
  }
  return hit;
}

/** UserDb answers user and group questions from a host's /etc/passwd and /etc/group. */
export class UserDb {
  readonly passwd: readonly PasswdEntry[];
  readonly group: readonly GroupEntry[];

  constructor(fs: FileSystem) {
    this.passwd = parsedOnce(passwds, readOr(fs, '/etc/passwd'), parsePasswd);
    this.group = parsedOnce(groups, readOr(fs, '/etc/group'), parseGroup);
  }

  /** user finds a user by name or numeric id. */
  user(nameOrUid: string | number): User | undefined {
    const e = typeof nameOrUid === 'number' ? this.passwd.find((p) => p.uid === nameOrUid) : this.passwd.find((p) => p.name === nameOrUid);
    if (!e) return undefined;
    const groups = [e.gid, ...this.group.filter((g) => g.gid !== e.gid && g.members.includes(e.name)).map((g) => g.gid)];
    return { name: e.name, uid: e.uid, gid: e.gid, home: e.home, shell: e.shell, groups };
  }

  /** userName returns the name for a uid, or the number as text (as ls does). */
  userName(uid: number): string {
    return this.passwd.find((p) => p.uid === uid)?.name ?? String(uid);
  }

  /** groupName returns the name for a gid, or the number as text. */
  groupName(gid: number): string {
    return this.group.find((g) => g.gid === gid)?.name ?? String(gid);
  }

  /** groupByName finds a group entry by name. */
  groupByName(name: string): GroupEntry | undefined {
    return this.group.find((g) => g.name === name);
  }
}
