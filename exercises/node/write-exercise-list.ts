// Writes docs/exercises.md from the shipped packs.
import { writeFileSync } from 'node:fs';
import { readPack, shippedPackDirs } from './read-pack.ts';
import { exerciseListMarkdown } from './exercise-list.ts';
import type { Pack } from '../pack/types.ts';

const packs: Pack[] = [];
for (const d of shippedPackDirs()) {
  const r = readPack(d);
  if (!r.ok) throw new Error(`${d}: ${JSON.stringify(r.errors)}`);
  packs.push(r.pack);
}
writeFileSync(new URL('../../docs/exercises.md', import.meta.url), exerciseListMarkdown(packs));
