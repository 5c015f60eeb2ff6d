/**
 * TabLock makes one browser tab the lab's owner. Two tabs running the same
 * saved lab would overwrite each other's saves (each believes its cluster is
 * the lab), so the lab runs in the tab that holds a Web Lock; another tab
 * waits, and may take the lab over, after which the first one stops saving
 * and says where the lab went. Without the Web Locks API every tab runs.
 */
export const LOCK_NAME = 'kubelab-lab';
const TAKEOVER_KEY = 'kubelab.takeover';

/** LocksLike is the part of navigator.locks the lock uses (a fake in tests). */
export interface LocksLike {
  request(name: string, options: { ifAvailable?: boolean; steal?: boolean }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

/** AcquireResult: 'held' (run the lab here), 'busy' (another tab runs it). */
export type AcquireResult = 'held' | 'busy';

/**
 * acquireLabLock asks for the lab. With `steal` it takes the lab from the
 * tab that has it (that tab's `onLost` runs). The lock is held until the page
 * goes away or another tab steals it.
 */
export function acquireLabLock(locks: LocksLike | undefined, o: { steal?: boolean; onLost: () => void }): Promise<AcquireResult> {
  if (!locks) return Promise.resolve('held');
  return new Promise<AcquireResult>((resolve) => {
    locks
      .request(LOCK_NAME, o.steal ? { steal: true } : { ifAvailable: true }, async (lock) => {
        if (!lock) {
          resolve('busy');
          return;
        }
        resolve('held');
        // Held for the page's lifetime.
        await new Promise<never>(() => {});
      })
      .catch((err: unknown) => {
        // A stolen lock's request rejects with AbortError: another tab has the lab now.
        if ((err as { name?: string })?.name === 'AbortError') o.onLost();
        else resolve('held');
      });
  });
}

/** takeoverRequested reads (and clears) the flag "Use it here" leaves for the reloaded page. */
export function takeoverRequested(storage: Pick<Storage, 'getItem' | 'removeItem'> | undefined): boolean {
  try {
    const v = storage?.getItem(TAKEOVER_KEY) === '1';
    storage?.removeItem(TAKEOVER_KEY);
    return v;
  } catch {
    return false;
  }
}

/** requestTakeover reloads the page as the lab's new owner. */
export function requestTakeover(storage: Pick<Storage, 'setItem'> | undefined, reload: () => void): void {
  try {
    storage?.setItem(TAKEOVER_KEY, '1');
  } catch {
    // no session storage: the reloaded page asks again
  }
  reload();
}
