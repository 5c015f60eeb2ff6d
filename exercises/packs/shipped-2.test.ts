import { join } from 'node:path';
import { testPackBothSides } from '../node/both-sides.ts';

// The shipped packs are split over two files so that two workers share them.
for (const p of ['networking', 'troubleshooting', 'workloads']) testPackBothSides(join(import.meta.dirname, p));
