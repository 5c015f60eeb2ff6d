import { Runtime } from '../../../base/runtime.ts';
import { MemFs } from '../../../host/fs/memfs.ts';
import type { Process, Program } from '../../../host/process.ts';
import { StringReader, type Writable } from '../../../host/streams.ts';

/** RunResult is what one run of a program printed and returned. */
export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * runTool runs a host program on a bare process: stdin from a string, files
 * in a fresh in-memory filesystem (cwd /work), no terminal unless asked.
 */
export async function runTool(program: Program, argv: string[], opts: { stdin?: string; stdinChunks?: string[]; onRead?: (stdoutSoFar: string) => void; files?: Record<string, string>; tty?: boolean; env?: Record<string, string>; fs?: MemFs } = {}): Promise<RunResult & { fs: MemFs }> {
  const runtime = new Runtime({ start: Date.UTC(2026, 0, 5, 9, 0, 0), seed: 1 });
  const mem = opts.fs ?? new MemFs({ now: () => runtime.now });
  if (!mem.fs.exists('/work')) mem.fs.mkdir('/work', { recursive: true });
  for (const [path, text] of Object.entries(opts.files ?? {})) mem.fs.writeFile(path.startsWith('/') ? path : `/work/${path}`, text);
  let stdout = '';
  let stderr = '';
  const out: Writable = { write: (c) => void (stdout += c), isTTY: !!opts.tty };
  const err: Writable = { write: (c) => void (stderr += c), isTTY: !!opts.tty };
  const chunks = opts.stdinChunks ? [...opts.stdinChunks] : undefined;
  // stdinChunks arrive one read at a time, like a pipe from a program still writing
  const stdin = chunks
    ? { isTTY: false, read: () => (opts.onRead?.(stdout), Promise.resolve(chunks.shift() ?? null)) }
    : new StringReader(opts.stdin ?? '');
  // a bare process: jq and yq use no services beyond the clock, so the rest of SystemServices is left out
  const p = {
    argv,
    env: opts.env ?? { HOME: '/root', PATH: '/usr/bin:/bin' },
    cwd: '/work',
    hostname: 'controlplane',
    user: { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash' },
    fs: mem.fs,
    stdin: opts.tty ? Object.assign(stdin, { isTTY: true }) : stdin,
    stdout: out,
    stderr: err,
    signal: { interrupted: false, onInterrupt: () => () => {} },
    sys: { runtime },
  } as unknown as Process;
  const code = await program(p);
  return { stdout, stderr, code, fs: mem };
}
