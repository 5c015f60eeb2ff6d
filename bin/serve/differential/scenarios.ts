import type { Scenario } from './scenario.ts';
import { READ_SCENARIOS } from './scenarios-read.ts';
import { STORAGE_SCENARIOS } from './scenarios-storage.ts';
import { WRITE_SCENARIOS } from './scenarios-write.ts';
import { CKA_SCENARIOS } from './scenarios-cka.ts';
import { KINDS_SCENARIOS } from './scenarios-kinds.ts';
import { RECORD_SCENARIOS } from './scenarios-record.ts';
import { DELETE_SCENARIOS } from './scenarios-delete.ts';
import { FLAGS_SCENARIOS } from './scenarios-flags.ts';

export type { Scenario } from './scenario.ts';
export { KNOWN_DIFFERENCES } from './known.ts';

/** SCENARIOS is every scenario the differential suite runs, read ones first. */
export const SCENARIOS: Scenario[] = [...READ_SCENARIOS, ...WRITE_SCENARIOS, ...STORAGE_SCENARIOS, ...CKA_SCENARIOS, ...KINDS_SCENARIOS, ...RECORD_SCENARIOS, ...DELETE_SCENARIOS, ...FLAGS_SCENARIOS];
