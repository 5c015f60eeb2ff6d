import { WRITE_SCENARIOS } from './scenarios-write.ts';
import { differentialSuite } from './suite.ts';

differentialSuite('write', WRITE_SCENARIOS);
