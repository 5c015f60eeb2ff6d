import type { Process } from '../../../../host/process.ts';
import type { CommandDef, RunContext } from '../../cli/command.ts';
import { commandFromHelp } from '../create/help.ts';

/** pluginFiles lists the kubectl-* executables on PATH, first directory first, as `kubectl plugin list` finds them. */
export function pluginFiles(p: Pick<Process, 'env' | 'fs' | 'cwd'>): string[] {
  const out: string[] = [];
  for (const dir of (p.env['PATH'] ?? '').split(':')) {
    const abs = dir.startsWith('/') ? dir : `${p.cwd}/${dir}`;
    let names: string[];
    try {
      names = p.fs.readdir(abs);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!name.startsWith('kubectl-')) continue;
      const path = `${abs.replace(/\/+$/, '')}/${name}`;
      try {
        const st = p.fs.stat(path);
        if (st.type === 'file' && (st.mode & 0o111) !== 0) out.push(path);
      } catch {
        // a dangling link is not a plugin
      }
    }
  }
  return out;
}

/**
 * findPlugin is kubectl's plugin handler: for `kubectl foo bar baz` the
 * longest kubectl-foo-bar… on PATH wins, and the remaining words are its
 * arguments.
 */
export function findPlugin(p: Pick<Process, 'env' | 'fs' | 'cwd'>, argv: string[]): { path: string; args: string[] } | undefined {
  const words = argv.filter((a, i) => !a.startsWith('-') && argv.slice(0, i).every((b) => !b.startsWith('-')));
  const files = pluginFiles(p);
  for (let n = words.length; n > 0; n--) {
    const want = `kubectl-${words.slice(0, n).join('-')}`;
    const path = files.find((f) => f.slice(f.lastIndexOf('/') + 1) === want);
    if (path) return { path, args: argv.slice(n) };
  }
  return undefined;
}

async function list(c: RunContext): Promise<number> {
  const files = pluginFiles(c.proc);
  if (files.length === 0) {
    c.err('error: unable to find any kubectl plugins in your PATH\n');
    return 1;
  }
  const nameOnly = c.flag<boolean>('name-only');
  c.out(`The following compatible plugins are available:\n\n${files.map((f) => `${nameOnly ? f.slice(f.lastIndexOf('/') + 1) : f}\n`).join('')}`);
  return 0;
}

/** pluginCommand is `kubectl plugin` and `kubectl plugin list`: executables named kubectl-* on PATH. */
export const pluginCommand: CommandDef = commandFromHelp('plugin', {
  group: 'Other Commands',
  short: 'Provides utilities for interacting with plugins',
  subcommands: [commandFromHelp('plugin list', { run: list })],
});
