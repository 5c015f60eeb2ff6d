import { describe, expect, it } from 'vitest';
import { acquireLabLock, requestTakeover, takeoverRequested, type LocksLike } from './tab-lock.ts';

/** FakeLocks follows the Web Locks API for one exclusive lock: ifAvailable, and steal (the holder's request rejects with AbortError). */
class FakeLocks implements LocksLike {
  private holder: { reject: (e: unknown) => void } | undefined;
  request(_name: string, options: { ifAvailable?: boolean; steal?: boolean }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown> {
    if (this.holder && options.ifAvailable) return callback(null);
    if (this.holder && options.steal) {
      const err = new Error('The lock request is aborted.');
      err.name = 'AbortError';
      this.holder.reject(err);
    }
    return new Promise((_resolve, reject) => {
      this.holder = { reject };
      void callback({ name: 'kubelab-lab' });
    });
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('acquireLabLock', () => {
  it('lets the first tab run the lab and tells the second it is busy', async () => {
    const locks = new FakeLocks();
    expect(await acquireLabLock(locks, { onLost: () => {} })).toBe('held');
    expect(await acquireLabLock(locks, { onLost: () => {} })).toBe('busy');
  });

  it('moves the lab to a tab that takes it over, and tells the first one', async () => {
    const locks = new FakeLocks();
    let lost = 0;
    expect(await acquireLabLock(locks, { onLost: () => lost++ })).toBe('held');
    expect(await acquireLabLock(locks, { steal: true, onLost: () => {} })).toBe('held');
    await flush();
    expect(lost).toBe(1);
  });

  it('runs everywhere without the Web Locks API', async () => {
    expect(await acquireLabLock(undefined, { onLost: () => {} })).toBe('held');
  });

  it('passes "Use it here" to the reloaded page once', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    let reloaded = false;
    requestTakeover(storage, () => (reloaded = true));
    expect(reloaded).toBe(true);
    expect(takeoverRequested(storage)).toBe(true);
    expect(takeoverRequested(storage)).toBe(false);
  });
});
