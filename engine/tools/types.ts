import type { Program } from '../host/process.ts';

/**
 * ProgramDef describes one host binary: the name it is found by on PATH,
 * where a host image installs it, and the program itself. The shell finds
 * programs by looking up an executable file on PATH in the host's filesystem;
 * that file names its ProgramDef (see engine/host/binaries.ts), so deleting
 * /usr/bin/kubectl or upgrading kubeadm with apt behaves like on a real host.
 */
export interface ProgramDef {
  name: string;
  /** path where the default host image installs the binary, e.g. /usr/bin/kubectl */
  path: string;
  program: Program;
  /** a one-paragraph `man` page (NAME, SYNOPSIS, DESCRIPTION) */
  man?: string;
}
