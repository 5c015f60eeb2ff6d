import { describe, expect, it } from 'vitest';
import type { LabStore } from '../persistence/db.ts';
import type { LabSnapshot, UiSnapshot } from '../persistence/snapshot.ts';
import { isQuotaError, Saver } from './saver.ts';

function quotaError(): Error {
  const e = new Error('The quota has been exceeded.');
  e.name = 'QuotaExceededError';
  return e;
}

function saverWith(save: (s: LabSnapshot) => Promise<void>) {
  const saver = new Saver(() => ({}) as UiSnapshot, { save } as unknown as LabStore);
  saver.engineState = async () => new Uint8Array([1, 2, 3]);
  const heard = { quota: 0, errors: [] as string[] };
  saver.onQuotaExceeded = () => heard.quota++;
  saver.onError = (e) => heard.errors.push((e as Error).message);
  return { saver, heard };
}

describe('Saver', () => {
  it('says once that storage is full, and again only after a save succeeded in between', async () => {
    let full = true;
    const saved: LabSnapshot[] = [];
    const { saver, heard } = saverWith(async (s) => {
      if (full) throw quotaError();
      saved.push(s);
    });
    await saver.saveNow();
    await saver.saveNow();
    expect(heard).toEqual({ quota: 1, errors: [] });
    full = false;
    await saver.saveNow();
    expect(saved).toHaveLength(1);
    full = true;
    await saver.saveNow();
    expect(heard.quota).toBe(2);
  });

  it('reports other failures every time', async () => {
    const { saver, heard } = saverWith(async () => {
      throw new Error('disk on fire');
    });
    await saver.saveNow();
    await saver.saveNow();
    expect(heard.errors).toEqual(['disk on fire', 'disk on fire']);
  });

  it('stops saving for good once another tab owns the lab', async () => {
    const saved: LabSnapshot[] = [];
    const { saver } = saverWith(async (s) => void saved.push(s));
    await saver.saveNow();
    saver.stop();
    await saver.saveNow();
    expect(saved).toHaveLength(1);
  });

  it('recognises IndexedDB quota errors', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
