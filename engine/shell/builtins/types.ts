import type { Interp } from '../interp/interp.ts';
import type { Io } from '../interp/types.ts';

/** BuiltinCtx is what a builtin gets: the shell, its streams and argv (argv[0] is the builtin's name). */
export interface BuiltinCtx {
  sh: Interp;
  io: Io;
  argv: string[];
  name: string;
}

/** Builtin is a command implemented inside the shell; it returns an exit status. */
export type Builtin = (c: BuiltinCtx) => Promise<number> | number;

/** fail prints "bash: <name>: <msg>" and returns code. */
export function fail(c: BuiltinCtx, msg: string, code = 1): number {
  c.io.stderr.write(`${c.sh.errPrefix()}${c.name}: ${msg}\n`);
  return code;
}

/** out writes to the builtin's stdout. */
export function out(c: BuiltinCtx, text: string): void {
  c.io.stdout.write(text);
}
