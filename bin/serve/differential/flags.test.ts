import { FLAGS_SCENARIOS } from './scenarios-flags.ts';
import { differentialSuite } from './suite.ts';

// The flags of get, logs and events, and their mistakes; beside the other files so they run side by side.
differentialSuite('flags', FLAGS_SCENARIOS);
