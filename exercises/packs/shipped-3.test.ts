import { join } from 'node:path';
import { testPackBothSides } from '../node/both-sides.ts';

// Packs with a lab of their own (prepared machines) run in a worker of their own.
for (const p of ['install', 'ha']) testPackBothSides(join(import.meta.dirname, p));
