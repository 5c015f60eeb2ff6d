import type { Exercise, Pack } from '../../../exercises/pack/types.ts';
import { parsePacks, type ParsedPacks } from './parse-packs.ts';

/**
 * The exercise packs shipped with the lab, bundled as text (one chunk,
 * packs-data.ts) and parsed on first use, in a worker of their own where
 * there is one (packs-worker.ts): the task panel opens them once the first
 * prompt is up, and typing in the terminal meanwhile must not stall.
 */
let loaded: Promise<ParsedPacks> | undefined;

/** bundledPacks loads every shipped pack once; broken packs are reported, not shown. */
export function bundledPacks(): Promise<ParsedPacks> {
  loaded ??= inWorker().catch(() => import('./packs-data.ts').then(({ PACK_FILES }) => parsePacks(PACK_FILES)));
  return loaded;
}

/** inWorker parses the packs in packs-worker.ts; it rejects where workers are not available (tests in Node). */
function inWorker(): Promise<ParsedPacks> {
  if (typeof Worker === 'undefined') return Promise.reject(new Error('no workers here'));
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./packs-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<ParsedPacks>) => {
      w.terminate();
      resolve(e.data);
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message));
    };
  });
}

/** findExercise looks an exercise up by pack and id. */
export async function findExercise(packId: string, exerciseId: string): Promise<{ pack: Pack; exercise: Exercise } | undefined> {
  const { packs } = await bundledPacks();
  const pack = packs.find((p) => p.id === packId);
  const exercise = pack?.exercises.find((e) => e.id === exerciseId);
  return pack && exercise ? { pack, exercise } : undefined;
}
