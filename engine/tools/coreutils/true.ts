import { def } from './def.ts';

/** trueCmd exits 0. */
export const trueCmd = def('true', async () => 0, 'true - do nothing, successfully\n\nSYNOPSIS\n       true\n\nDESCRIPTION\n       Exit with a status code indicating success.');
/** falseCmd exits 1. */
export const falseCmd = def('false', async () => 1, 'false - do nothing, unsuccessfully\n\nSYNOPSIS\n       false\n\nDESCRIPTION\n       Exit with a status code indicating failure.');
