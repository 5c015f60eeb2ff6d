import { programNameOf } from '../binaries.ts';
import type { Program } from '../process.ts';
import type { FileSystem } from '../types.ts';
import { expandCommandLine, parseEnvironmentFile, type ExecCommand } from './environment.ts';
import type { UnitConfig } from './unit-config.ts';

/** DEFAULT_PATH is the PATH systemd gives services. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Resolved is a command ready to run, or the reason systemd cannot run it. */
export type Resolved =
  | { ok: true; program: Program; argv: string[]; env: Record<string, string>; path: string }
  | { ok: false; step: 'EXEC'; path: string; errno: string; status: number; lines: string[] }
  | { ok: false; step: 'ENVFILE'; lines: string[]; result: 'resources' };

/** serviceEnvironment builds the environment of a service: defaults, Environment=, then EnvironmentFile= in order. */
export function serviceEnvironment(fs: FileSystem, cfg: UnitConfig): { env: Record<string, string>; missing?: string } {
  const env: Record<string, string> = { LANG: 'C.UTF-8', PATH: DEFAULT_PATH, JOURNAL_STREAM: '8:12345' };
  for (const [k, v] of cfg.environment) env[k] = v;
  for (const f of cfg.environmentFiles) {
    let text: string;
    try {
      text = fs.readFile(f.path);
    } catch {
      if (f.optional) continue;
      return { env, missing: f.path };
    }
    for (const [k, v] of parseEnvironmentFile(text)) env[k] = v;
  }
  return { env };
}

/**
 * resolveExec finds the program an ExecStart= line runs: the file must exist,
 * be executable and be a lab binary whose program the lab knows.
 */
export function resolveExec(
  fs: FileSystem,
  cmd: ExecCommand,
  env: Record<string, string>,
  unit: string,
  programs: (name: string) => { program: Program } | undefined,
): Resolved {
  const argv = expandCommandLine(cmd.words, env);
  let path = cmd.path;
  if (!path.startsWith('/')) {
    const dir = DEFAULT_PATH.split(':').find((d) => fs.exists(`${d}/${path}`));
    if (dir) path = `${dir}/${path}`;
  }
  const fail = (errno: string, located: boolean) => ({
    ok: false as const,
    step: 'EXEC' as const,
    path,
    errno,
    status: 203,
    lines: [...(located ? [] : [`${unit}: Failed to locate executable ${path}: ${errno}`]), `${unit}: Failed at step EXEC spawning ${path}: ${errno}`],
  });
  let content: string;
  try {
    const st = fs.stat(path);
    if (st.type === 'dir') return fail('Permission denied', true);
    if ((st.mode & 0o111) === 0) return fail('Permission denied', false);
    content = fs.readFile(path).slice(0, 256);
  } catch {
    return fail('No such file or directory', false);
  }
  const name = programNameOf(content);
  const def = name === undefined ? undefined : programs(name);
  if (!def) return fail('Exec format error', true);
  return { ok: true, program: def.program, argv: argv.length ? argv : [path], env, path };
}
