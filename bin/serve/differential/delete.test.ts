import { DELETE_SCENARIOS } from './scenarios-delete.ts';
import { differentialSuite } from './suite.ts';

differentialSuite('delete', DELETE_SCENARIOS);
