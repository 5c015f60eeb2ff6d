import { CKA_SCENARIOS } from './scenarios-cka.ts';
import { differentialSuite } from './suite.ts';

// What a candidate types on a cluster with workloads; beside the other files so they run side by side.
differentialSuite('cka', CKA_SCENARIOS);
