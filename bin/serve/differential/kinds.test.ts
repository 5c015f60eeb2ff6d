import { KINDS_SCENARIOS } from './scenarios-kinds.ts';
import { differentialSuite } from './suite.ts';

// Every kind described and listed wide; beside the other files so they run side by side.
differentialSuite('kinds', KINDS_SCENARIOS);
