import type { Program } from '../../host/process.ts';
import type { ProgramDef } from '../types.ts';

/** def builds a ProgramDef installed in /usr/bin (or the given directory). */
export function def(name: string, program: Program, man: string, dir = '/usr/bin'): ProgramDef {
  return { name, path: `${dir}/${name}`, program, man };
}
