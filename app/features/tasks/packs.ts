import { loadPack } from '../../../exercises/pack/load.ts';
import { formatPackError, type Exercise, type Pack } from '../../../exercises/pack/types.ts';

/**
 * The exercise packs shipped with the lab, bundled as text (one chunk,
 * packs-data.ts) and parsed on first use: the task panel opens them; the
 * first prompt does not wait.
 */
let loaded: Promise<{ packs: Pack[]; errors: string[] }> | undefined;

/** bundledPacks loads every shipped pack once; broken packs are reported, not shown. */
export function bundledPacks(): Promise<{ packs: Pack[]; errors: string[] }> {
  loaded ??= import('./packs-data.ts').then(({ PACK_FILES }) => {
    const byPack = new Map<string, Record<string, string>>();
    for (const [path, text] of Object.entries(PACK_FILES)) {
      const m = /packs\/([^/]+)\/([^/]+)$/.exec(path);
      if (!m) continue;
      const files = byPack.get(m[1]!) ?? {};
      files[m[2]!] = text;
      byPack.set(m[1]!, files);
    }
    const packs: Pack[] = [];
    const errors: string[] = [];
    for (const [name, files] of [...byPack].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const r = loadPack(files, name);
      if (r.ok) packs.push(r.pack);
      else errors.push(...r.errors.map((e) => `${name}/${formatPackError(e)}`));
    }
    return { packs, errors };
  });
  return loaded;
}

/** findExercise looks an exercise up by pack and id. */
export async function findExercise(packId: string, exerciseId: string): Promise<{ pack: Pack; exercise: Exercise } | undefined> {
  const { packs } = await bundledPacks();
  const pack = packs.find((p) => p.id === packId);
  const exercise = pack?.exercises.find((e) => e.id === exerciseId);
  return pack && exercise ? { pack, exercise } : undefined;
}
