import type { Clock } from '../base/clock.ts';
import { MemFs } from './fs/memfs.ts';
import type { Cred } from './fs/node.ts';
import { restoreFs, snapshotFs, type FsSnapshot } from './fs/serialize.ts';
import { ProcessTable } from './procs.ts';
import { sudoRule, type SudoRule } from './sudoers.ts';
import type { FileSystem, User } from './types.ts';
import { UserDb } from './users.ts';

/** HostOptions names a machine and gives it the clock its file times come from. */
export interface HostOptions {
  name: string;
  ip: string;
  clock: Clock;
}

/** HostSnapshot is a host's persistent state (its files; processes are rebuilt by whoever runs them). */
export interface HostSnapshot {
  name: string;
  ip: string;
  fs: FsSnapshot;
}

/**
 * Host is one simulated Linux machine: a name, an address, a filesystem and a
 * process table. Users, groups and sudo rights are read from its own
 * /etc/passwd, /etc/group and /etc/sudoers, so editing those files changes
 * them. Build a ready machine with createHost (engine/host/image.ts).
 */
export class Host {
  readonly name: string;
  readonly ip: string;
  readonly files: MemFs;
  readonly procs: ProcessTable;
  private db: { key: string; db: UserDb } | undefined;

  constructor(opts: HostOptions) {
    this.name = opts.name;
    this.ip = opts.ip;
    this.files = new MemFs(opts.clock);
    this.procs = new ProcessTable(opts.clock);
  }

  /** fs is the whole filesystem as root sees it. */
  get fs(): FileSystem {
    return this.files.fs;
  }

  /** users is the parsed /etc/passwd + /etc/group, re-read when either file changes. */
  get users(): UserDb {
    const key = this.stamp('/etc/passwd') + '|' + this.stamp('/etc/group');
    if (!this.db || this.db.key !== key) this.db = { key, db: new UserDb(this.fs) };
    return this.db.db;
  }

  /** user finds a user by name or uid. */
  user(nameOrUid: string | number): User | undefined {
    return this.users.user(nameOrUid);
  }

  /** fsFor is the filesystem as user sees it, with permissions enforced. */
  fsFor(user: User): FileSystem {
    return this.files.view(credOf(user));
  }

  /** sudo tells whether user may use sudo, and whether without a password. */
  sudo(user: User): SudoRule {
    const names = user.groups.map((g) => this.users.groupName(g));
    return sudoRule(this.fs, user, names);
  }

  /** snapshot captures the host's files. */
  snapshot(): HostSnapshot {
    return { name: this.name, ip: this.ip, fs: snapshotFs(this.files) };
  }

  /**
   * restore replaces the host's files with a snapshot's, in place: views and
   * watchers stay valid, and every watcher is told its folder changed.
   */
  restore(snap: HostSnapshot): void {
    const back = restoreFs(snap.fs, this.files.clock);
    this.files.root = back.root;
    this.files.nextIno = back.nextIno;
    // the snapshot's files are the tree's own: no shared layer under them any more
    this.files.lower = undefined;
    this.db = undefined;
    this.files.watchers.notifyAll();
  }

  private stamp(path: string): string {
    try {
      const s = this.fs.stat(path);
      return `${s.ino}:${s.mtime}:${s.size}`;
    } catch {
      return '-';
    }
  }
}

/** credOf turns a User into filesystem credentials. */
export function credOf(user: User): Cred {
  return { uid: user.uid, gid: user.gid, groups: user.groups };
}
