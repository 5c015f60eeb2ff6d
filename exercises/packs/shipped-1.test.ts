import { join } from 'node:path';
import { testPackBothSides } from '../node/both-sides.ts';

// The shipped packs are split over three files so that workers share them.
for (const p of ['cluster', 'rbac', 'storage']) testPackBothSides(join(import.meta.dirname, p));
