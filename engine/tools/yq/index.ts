import type { Program } from '../../host/process.ts';
import type { ProgramDef } from '../types.ts';
import { hostWork } from '../../base/host-work.ts';

/** yq's code loads on first use (its own chunk in the browser). */
const yqProgram: Program = async (p) => (await hostWork(import('./program.ts'))).yqProgram(p);

/** YQ is mikefarah's yq v4, as CKA practice hosts install it (/usr/bin/yq). */
export const YQ: ProgramDef[] = [
  {
    name: 'yq',
    path: '/usr/bin/yq',
    program: yqProgram,
    man: 'NAME\n       yq - a portable command-line YAML processor\n\nSYNOPSIS\n       yq [eval/eval-all] [expression] files..\n\nDESCRIPTION\n       eval/e  - (default) Apply the expression to each document in each yaml file in sequence\n       eval-all/ea - Loads all yaml documents of all yaml files and runs expression once\n\n       yq -i \'.spec.replicas = 3\' deploy.yaml updates a file in place; -o json prints JSON.\n',
  },
];
