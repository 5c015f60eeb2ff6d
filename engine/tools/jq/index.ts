import type { Program } from '../../host/process.ts';
import type { ProgramDef } from '../types.ts';
import { hostWork } from '../../base/host-work.ts';

/** jq's code loads on first use (its own chunk in the browser). */
const jqProgram: Program = async (p) => (await hostWork(import('./program.ts'))).jqProgram(p);

/** JQ is the jq 1.6 binary of every lab host (Ubuntu's /usr/bin/jq). */
export const JQ: ProgramDef[] = [
  {
    name: 'jq',
    path: '/usr/bin/jq',
    program: jqProgram,
    man: 'NAME\n       jq - Command-line JSON processor\n\nSYNOPSIS\n       jq [options...] filter [files...]\n\nDESCRIPTION\n       jq can transform JSON in various ways, by selecting, iterating, reducing and otherwise mangling JSON documents. For instance, running the command jq \'map(.price) | add\' will take an array of JSON objects as input and return the sum of their "price" fields.\n\n       -r  raw strings   -c  compact   -n  null input   -s  slurp   -e  exit status   --arg name value\n',
  },
];
