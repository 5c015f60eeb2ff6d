import { STORAGE_SCENARIOS } from './scenarios-storage.ts';
import { differentialSuite } from './suite.ts';

differentialSuite('storage and policy', STORAGE_SCENARIOS);
