import { loadPack } from '../../../exercises/pack/load.ts';
import { formatPackError, type Pack } from '../../../exercises/pack/types.ts';

/** ParsedPacks are the shipped packs that loaded, and what was wrong with the others. */
export interface ParsedPacks {
  packs: Pack[];
  errors: string[];
}

/** parsePacks groups pack files ("…/packs/<pack>/<file>" → text) by pack and loads each; broken packs are reported, not shown. */
export function parsePacks(files: Record<string, string>): ParsedPacks {
  const byPack = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(files)) {
    const m = /packs\/([^/]+)\/([^/]+)$/.exec(path);
    if (!m) continue;
    const pack = byPack.get(m[1]!) ?? {};
    pack[m[2]!] = text;
    byPack.set(m[1]!, pack);
  }
  const packs: Pack[] = [];
  const errors: string[] = [];
  for (const [name, pack] of [...byPack].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const r = loadPack(pack, name);
    if (r.ok) packs.push(r.pack);
    else errors.push(...r.errors.map((e) => `${name}/${formatPackError(e)}`));
  }
  return { packs, errors };
}
