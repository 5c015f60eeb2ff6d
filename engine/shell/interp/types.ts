import type { Readable, Writable } from '../../host/streams.ts';
import type { FileSystem } from '../../host/types.ts';
import type { Arith, Stmt } from '../parser/ast.ts';
import type { Interrupt } from '../../host/interrupt.ts';
import type { ShellState } from './state.ts';

/** Io is the open files of a running command: stdin, stdout, stderr, any higher fds, and its interrupt. */
export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  extra?: Map<number, Readable | Writable>;
  signal: Interrupt;
}

/** ExpandEnv is what word expansion needs from the interpreter. */
export interface ExpandEnv {
  state: ShellState;
  fs: FileSystem;
  homeOf(user: string): string | undefined;
  commandSubst(stmts: Stmt[], io: Io): Promise<string>;
  processSubst(stmts: Stmt[], out: boolean, io: Io): Promise<string>;
  /** parseArith parses the text of a variable's value as an arithmetic expression. */
  parseArith(src: string): Promise<Arith | undefined>;
}
