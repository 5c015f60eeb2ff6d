import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readPack, shippedPackDirs } from './read-pack.ts';
import { exerciseListMarkdown } from './exercise-list.ts';
import type { Pack } from '../pack/types.ts';

it('docs/exercises.md lists the shipped exercises as they are', () => {
  const packs = shippedPackDirs().map((d) => readPack(d)).flatMap((r) => (r.ok ? [r.pack] : [])) as Pack[];
  expect(packs.length).toBe(shippedPackDirs().length);
  expect(readFileSync(new URL('../../docs/exercises.md', import.meta.url), 'utf8')).toBe(exerciseListMarkdown(packs));
});
