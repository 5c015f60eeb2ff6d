/**
 * The page's entry: it spawns the engine's worker first, so the engine loads
 * in parallel with the rest of the page (React, xterm, the layout), which
 * this file then imports.
 */
import { spawnEngine } from './engine/spawn.ts';

const { client, supervisor } = spawnEngine();
void import('./start.tsx').then((m) => m.start(client, supervisor));
