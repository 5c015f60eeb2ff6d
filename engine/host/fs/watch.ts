/**
 * Watchers fan filesystem changes out to callbacks registered on a directory;
 * a change anywhere below a watched directory is reported with its full path.
 */
export class Watchers {
  private byDir = new Map<string, Set<(path: string) => void>>();

  /** add registers cb for changes under dir (an absolute canonical path). */
  add(dir: string, cb: (path: string) => void): { close(): void } {
    const key = dir.length > 1 ? dir.replace(/\/+$/, '') : dir;
    let set = this.byDir.get(key);
    if (!set) this.byDir.set(key, (set = new Set()));
    const entry = (p: string) => cb(p);
    set.add(entry);
    return {
      close: () => {
        set.delete(entry);
        if (set.size === 0 && this.byDir.get(key) === set) this.byDir.delete(key);
      },
    };
  }

  /** idle tells that nobody watches anything (so a change need not even build its path). */
  get idle(): boolean {
    return this.byDir.size === 0;
  }

  /** notify calls the watchers of every ancestor of path (and of path itself). */
  notify(path: string): void {
    if (this.byDir.size === 0) return;
    let dir = path;
    for (;;) {
      const set = this.byDir.get(dir);
      if (set) for (const cb of [...set]) cb(path);
      if (dir === '/') break;
      const i = dir.lastIndexOf('/');
      dir = i <= 0 ? '/' : dir.slice(0, i);
    }
  }

  /** notifyAll tells every watcher that its folder changed (after a whole-tree restore). */
  notifyAll(): void {
    for (const [dir, set] of [...this.byDir]) for (const cb of [...set]) cb(dir);
  }
}
