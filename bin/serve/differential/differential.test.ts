import { READ_SCENARIOS } from './scenarios-read.ts';
import { differentialSuite } from './suite.ts';

// The read scenarios; the write ones are in write.test.ts and storage.test.ts, so the three files run side by side.
differentialSuite('read', READ_SCENARIOS);
