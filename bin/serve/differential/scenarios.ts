import type { Scenario } from './scenario.ts';
import { READ_SCENARIOS } from './scenarios-read.ts';
import { STORAGE_SCENARIOS } from './scenarios-storage.ts';
import { WRITE_SCENARIOS } from './scenarios-write.ts';
import { CKA_SCENARIOS } from './scenarios-cka.ts';

export type { Scenario } from './scenario.ts';
export { KNOWN_DIFFERENCES } from './known.ts';

/** SCENARIOS is every scenario the differential suite runs, read ones first. */
export const SCENARIOS: Scenario[] = [...READ_SCENARIOS, ...WRITE_SCENARIOS, ...STORAGE_SCENARIOS, ...CKA_SCENARIOS];
