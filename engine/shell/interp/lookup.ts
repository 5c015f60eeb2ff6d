import { programNameOf } from '../../host/binaries.ts';
import type { ProgramDef } from '../../tools/types.ts';
import type { Interp } from './interp.ts';

/** Found is the outcome of looking a command up on disk. */
export type Found =
  | { kind: 'program'; def: ProgramDef; path: string; setuid: boolean }
  | { kind: 'script'; path: string }
  | { kind: 'error'; message: string; code: number };

function isExecFile(sh: Interp, path: string): 'yes' | 'noexec' | 'no' {
  // Most PATH entries do not hold the command: asking first spares building an error for each miss.
  if (!sh.fs.exists(path)) return 'no';
  try {
    const st = sh.fs.stat(path);
    if (st.type !== 'file') return 'no';
    return sh.fs.access ? (sh.fs.access(path, 1) ? 'yes' : 'noexec') : (st.mode & 0o111) !== 0 ? 'yes' : 'noexec';
  } catch {
    return 'no';
  }
}

/** pathLookup searches PATH like bash: the first executable regular file wins. */
export function pathLookup(sh: Interp, name: string): { path?: string; noexec?: string } {
  const PATH = sh.state.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin';
  let noexec: string | undefined;
  for (const dir of PATH.split(':')) {
    const base = dir === '' ? sh.state.cwd : dir;
    const path = sh.abs(`${base}/${name}`);
    const r = isExecFile(sh, path);
    if (r === 'yes') return { path: `${dir === '' ? '.' : dir.replace(/\/+$/, '')}/${name}` };
    if (r === 'noexec' && !noexec) noexec = path;
  }
  return { noexec };
}

/** resolveCommand finds what running `name` would execute (after functions and builtins). */
export function resolveCommand(sh: Interp, name: string): Found {
  let path: string;
  if (name.includes('/')) {
    path = name;
    const abs = sh.abs(path);
    let type: string;
    try {
      type = sh.fs.stat(abs).type;
    } catch (e) {
      return { kind: 'error', message: `${name}: ${(e as Error).message}`, code: 127 };
    }
    if (type === 'dir') return { kind: 'error', message: `${name}: Is a directory`, code: 126 };
    if (isExecFile(sh, abs) !== 'yes') return { kind: 'error', message: `${name}: Permission denied`, code: 126 };
  } else {
    const r = pathLookup(sh, name);
    if (!r.path) {
      if (r.noexec) return { kind: 'error', message: `${name}: Permission denied`, code: 126 };
      return { kind: 'error', message: sh.notFound(name), code: 127 };
    }
    path = r.path;
  }
  const abs = sh.abs(path);
  const root = sh.ctx.host.fs;
  let head = '';
  let mode = 0;
  try {
    const data = root.readFile(abs);
    head = data.slice(0, 256);
    mode = root.stat(abs).mode;
  } catch {
    return { kind: 'error', message: `${name}: No such file or directory`, code: 127 };
  }
  const prog = programNameOf(head);
  if (prog !== undefined) {
    const def = sh.ctx.programs(prog);
    if (!def) return { kind: 'error', message: `${path}: cannot execute binary file: Exec format error`, code: 126 };
    return { kind: 'program', def, path, setuid: (mode & 0o4000) !== 0 };
  }
  if (head.startsWith('#!')) {
    const line = head.slice(2).split('\n')[0]!.trim();
    const [interp, arg] = line.split(/\s+/);
    const shell = interp === '/usr/bin/env' ? arg : interp?.split('/').pop();
    if (shell !== 'bash' && shell !== 'sh' && shell !== 'dash') {
      return { kind: 'error', message: `${path}: ${interp}: bad interpreter: No such file or directory`, code: 126 };
    }
  }
  if (sh.fs.access && !sh.fs.access(abs, 4)) return { kind: 'error', message: `${path}: Permission denied`, code: 126 };
  return { kind: 'script', path };
}
