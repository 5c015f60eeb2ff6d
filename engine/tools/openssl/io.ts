import type { Process } from '../../host/process.ts';
import { FsError } from '../../host/types.ts';
import { readAll } from '../../host/streams.ts';
import { cannotOpenForWriting, missingFile, unreadable, type Loading } from './errors.ts';

/** Ctx is what a subcommand works with. */
export interface Ctx {
  p: Process;
  name: string;
  err: (s: string) => void;
  out: (s: string) => void;
}

/** abs resolves a path against the process's cwd. */
export function abs(p: Process, path: string): string {
  return path.startsWith('/') ? path : `${p.cwd.replace(/\/$/, '')}/${path}`;
}

/** readInput reads -in (or stdin when absent), or writes OpenSSL's error for what and returns undefined. */
export async function readInput(c: Ctx, path: string | undefined, what: Loading): Promise<string | undefined> {
  if (path === undefined || path === '-') return readAll(c.p.stdin);
  try {
    return c.p.fs.readFile(abs(c.p, path));
  } catch (e) {
    c.err(e instanceof FsError && e.code === 'EACCES' ? `Could not open file or uri for loading ${what} from ${path}\n` : missingFile(what, path));
    return undefined;
  }
}

/** parseOr runs a parser on text, writing "Could not read … from …" when it throws. */
export function parseOr<T>(c: Ctx, text: string, path: string | undefined, what: Loading, parse: (t: string) => T): T | undefined {
  try {
    return parse(text);
  } catch {
    c.err(unreadable(what, path ?? '<stdin>'));
    return undefined;
  }
}

/** writeOutput writes to -out (or stdout); a failed write prints BIO's error and returns false. */
export function writeOutput(c: Ctx, path: string | undefined, text: string, mode = 0o644): boolean {
  if (path === undefined || path === '-') {
    c.out(text);
    return true;
  }
  try {
    c.p.fs.writeFile(abs(c.p, path), text, { mode });
    return true;
  } catch (e) {
    c.err(cannotOpenForWriting(path, e instanceof FsError && e.code === 'EACCES' ? 'Permission denied' : 'No such file or directory'));
    return false;
  }
}

/** Args walks an option list the way OpenSSL's opt_next does. */
export class Args {
  private i = 0;
  constructor(readonly list: string[], readonly cmd: string, private readonly err: (s: string) => void) {}

  /** next returns the next argument, or undefined at the end. */
  next(): string | undefined {
    return this.list[this.i++];
  }

  /** value returns an option's value, or writes "Option -x needs a value" and returns undefined. */
  value(opt: string): string | undefined {
    const v = this.list[this.i++];
    if (v === undefined) this.err(`${this.cmd}: Option ${opt} needs a value\n${this.cmd}: Use -help for summary.\n`);
    return v;
  }

  /** number parses an integer option value with OpenSSL's error. */
  number(opt: string): number | undefined {
    const v = this.value(opt);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) {
      this.err(`${this.cmd}: Can't parse "${v}" as a number\n${this.cmd}: Use -help for summary.\n`);
      return undefined;
    }
    return Number(v);
  }
}

/** isFailure marks parse helpers' failures. */
export const FAIL = Symbol('fail');
