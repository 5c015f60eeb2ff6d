import { RECORD_SCENARIOS } from './scenarios-record.ts';
import { differentialSuite } from './suite.ts';

// --record and the change-cause it writes; beside the other files so they run side by side.
differentialSuite('record', RECORD_SCENARIOS);
