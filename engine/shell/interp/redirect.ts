import { absPath } from '../../host/fs/path.ts';
import { EMPTY_INPUT, type Readable, type Writable } from '../../host/streams.ts';
import { FsError } from '../../host/types.ts';
import type { Redirect } from '../parser/ast.ts';
import { ShellError } from './errors.ts';
import type { Expander } from './expand.ts';
import { FileWriter, NULL_WRITER, TextInput } from './pipe.ts';
import type { Io } from './types.ts';

/** RedirectHost is what redirections need from the interpreter. */
export interface RedirectHost {
  cwd(): string;
  umask(): number;
  noclobber(): boolean;
  fs: import('../../host/types.ts').FileSystem;
}

function fsMessage(e: unknown): string {
  return e instanceof FsError ? e.message : String((e as Error)?.message ?? e);
}

function getFd(io: Io, n: number): Readable | Writable | undefined {
  if (n === 0) return io.stdin;
  if (n === 1) return io.stdout;
  if (n === 2) return io.stderr;
  return io.extra?.get(n);
}

function setFd(io: Io, n: number, s: Readable | Writable): void {
  if (n === 0) io.stdin = s as Readable;
  else if (n === 1) io.stdout = s as Writable;
  else if (n === 2) io.stderr = s as Writable;
  else {
    io.extra = new Map(io.extra ?? []);
    io.extra.set(n, s);
  }
}

function openWrite(h: RedirectHost, target: string, append: boolean, clobber: boolean, io: Io): Writable {
  if (target === '/dev/null') return NULL_WRITER;
  if (target === '/dev/stdout' || target === '/dev/fd/1') return io.stdout;
  if (target === '/dev/stderr' || target === '/dev/fd/2') return io.stderr;
  if (target === '/dev/tty') return io.stdout.isTTY ? io.stdout : io.stderr;
  const path = absPath(h.cwd(), target);
  if (!append && !clobber && h.noclobber() && h.fs.exists(path)) throw new ShellError(`${target}: cannot overwrite existing file`);
  try {
    return new FileWriter(h.fs, path, append, 0o666 & ~h.umask());
  } catch (e) {
    throw new ShellError(`${target}: ${fsMessage(e)}`);
  }
}

function openRead(h: RedirectHost, target: string, io: Io): Readable {
  if (target === '/dev/null') return EMPTY_INPUT;
  if (target === '/dev/stdin' || target === '/dev/fd/0') return io.stdin;
  try {
    return new TextInput(h.fs.readFile(absPath(h.cwd(), target)));
  } catch (e) {
    throw new ShellError(`${target}: ${fsMessage(e)}`);
  }
}

/**
 * applyRedirects returns the Io a command runs with after its
 * redirections, in source order (so `>f 2>&1` and `2>&1 >f` differ as in
 * bash). Errors throw ShellError with bash's text ("f: No such file or
 * directory", "f: ambiguous redirect").
 */
export async function applyRedirects(redirs: Redirect[], base: Io, ex: Expander, h: RedirectHost): Promise<Io> {
  const io: Io = { ...base };
  for (const r of redirs) {
    const fd = r.n !== undefined ? Number(r.n) : r.op.startsWith('<') ? 0 : 1;
    switch (r.op) {
      case '<<':
      case '<<-':
        setFd(io, fd, new TextInput(await ex.heredoc(r.hdoc ?? { parts: [] }, r.hdocQuoted === true, r.op === '<<-')));
        continue;
      case '<<<':
        setFd(io, fd, new TextInput((await ex.string(r.word)) + '\n'));
        continue;
    }
    const fields = await ex.fields([r.word]);
    if (fields.length !== 1) throw new ShellError(`${await ex.string(r.word)}: ambiguous redirect`);
    const target = fields[0]!;
    switch (r.op) {
      case '>':
      case '>|':
      case '>>':
        setFd(io, fd, openWrite(h, target, r.op === '>>', r.op === '>|', io));
        break;
      case '&>':
      case '&>>': {
        const w = openWrite(h, target, r.op === '&>>', false, io);
        io.stdout = w;
        io.stderr = w;
        break;
      }
      case '<':
      case '<>':
        setFd(io, fd, openRead(h, target, io));
        break;
      case '>&':
      case '<&': {
        if (target === '-') {
          setFd(io, fd, fd === 0 ? EMPTY_INPUT : NULL_WRITER);
        } else if (/^\d+$/.test(target)) {
          const src = getFd(io, Number(target));
          if (!src) throw new ShellError(`${target}: Bad file descriptor`);
          setFd(io, fd, src);
        } else if (r.op === '>&' && r.n === undefined) {
          const w = openWrite(h, target, false, false, io);
          io.stdout = w;
          io.stderr = w;
        } else throw new ShellError(`${target}: ambiguous redirect`);
        break;
      }
    }
  }
  return io;
}
