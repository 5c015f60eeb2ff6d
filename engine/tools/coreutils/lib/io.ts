import { absPath } from '../../../host/fs/path.ts';
import type { Process } from '../../../host/process.ts';
import { FsError, type FileStat } from '../../../host/types.ts';

/** progName is the program's name as invoked (basename of argv[0]). */
export function progName(p: Process): string {
  return p.argv[0]!.split('/').pop()!;
}

/** errText is the strerror text of an exception. */
export function errText(e: unknown): string {
  if (e instanceof FsError) return e.message;
  return String((e as Error)?.message ?? e);
}

/** warn prints "prog: msg". */
export function warn(p: Process, msg: string): void {
  p.stderr.write(`${progName(p)}: ${msg}\n`);
}

/** resolve makes a path absolute against the process's cwd. */
export function resolve(p: Process, path: string): string {
  return absPath(p.cwd, path);
}

/** statOr returns a file's stat or undefined. */
export function statOr(p: Process, path: string, follow = true): FileStat | undefined {
  try {
    return follow ? p.fs.stat(resolve(p, path)) : p.fs.lstat(resolve(p, path));
  } catch {
    return undefined;
  }
}

/** readText reads a file operand ("-" is stdin) as text. */
export async function readText(p: Process, file: string): Promise<string> {
  if (file === '-') return readStdin(p);
  return p.fs.readFile(resolve(p, file));
}

/** readStdin drains stdin. */
export async function readStdin(p: Process): Promise<string> {
  let out = '';
  for (;;) {
    const c = await p.stdin.read();
    if (c === null) return out;
    out += c;
  }
}

/**
 * forEachLine calls fn for every complete line of r as it arrives (the
 * last line may lack its newline); fn returns false to stop reading, as head
 * and grep -m do.
 */
export async function forEachLine(r: { read(): Promise<string | null> }, fn: (line: string, hasNewline: boolean) => boolean | void | Promise<boolean | void>): Promise<void> {
  let buf = '';
  for (;;) {
    const chunk = await r.read();
    if (chunk === null) break;
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if ((await fn(line, true)) === false) return;
    }
  }
  if (buf !== '') await fn(buf, false);
}

/** lineSource returns a readable for a file operand: stdin for "-", else the file's text. */
export function lineSource(p: Process, file: string): { read(): Promise<string | null> } {
  if (file === '-') return p.stdin;
  const text = p.fs.readFile(resolve(p, file));
  let done = false;
  return { read: () => Promise.resolve(done || text === '' ? null : ((done = true), text)) };
}

/** splitLines splits text into lines, dropping the empty string after a final newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const SAFE = /^[A-Za-z0-9_./@%+=:,^-]+$/;

/** qa quotes a file name always, as GNU's quoteaf does in diagnostics ('name'). */
export function qa(name: string): string {
  if (SAFE.test(name)) return `'${name}'`;
  if (!name.includes("'")) return `'${name}'`;
  if (!/[\\"$`]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, "'\\''")}'`;
}

/** qf quotes a file name only when it needs it (quotef: cat, wc, head…). */
export function qf(name: string): string {
  return SAFE.test(name) ? name : qa(name);
}

/** ql quotes with the locale's quotation marks (C.UTF-8: ‘name’), as quote() does. */
export function ql(name: string): string {
  return `\u2018${name}\u2019`;
}

/** q is qa (kept short for the common diagnostics). */
export const q = qa;

/** userName maps a uid to its name through /etc/passwd, or the number. */
export function userName(p: Process, uid: number): string {
  return idName(p, '/etc/passwd', uid);
}

/** groupName maps a gid to its name through /etc/group, or the number. */
export function groupName(p: Process, gid: number): string {
  return idName(p, '/etc/group', gid);
}

const idCache = new WeakMap<object, Map<string, { stamp: string; map: Map<number, string> }>>();

function idName(p: Process, file: string, id: number): string {
  let per = idCache.get(p.fs);
  if (!per) idCache.set(p.fs, (per = new Map()));
  let stamp = '';
  try {
    const s = p.fs.stat(file);
    stamp = `${s.ino}:${s.mtime}:${s.size}`;
  } catch {
    return String(id);
  }
  let e = per.get(file);
  if (!e || e.stamp !== stamp) {
    const map = new Map<number, string>();
    try {
      for (const line of p.fs.readFile(file).split('\n')) {
        const f = line.split(':');
        if (f.length >= 3 && !map.has(Number(f[2]))) map.set(Number(f[2]), f[0]!);
      }
    } catch {
      // unreadable: numbers only
    }
    e = { stamp, map };
    per.set(file, e);
  }
  return e.map.get(id) ?? String(id);
}

/** idOf finds a user or group id by name (or a number given as text). */
export function idOf(p: Process, file: '/etc/passwd' | '/etc/group', name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  try {
    for (const line of p.fs.readFile(file).split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 3) return Number(f[2]);
    }
  } catch {
    return undefined;
  }
  return undefined;
}
