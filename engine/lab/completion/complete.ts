import type { Completion } from '../../protocol/api.ts';
import type { Process } from '../../host/process.ts';
import { completeCommand, completePath } from './paths.ts';
import { splitWords } from './words.ts';

/** CompletionContext is the shell a Tab was pressed in. */
export interface CompletionContext {
  proc: Process;
  aliases: ReadonlyMap<string, string>;
  builtins: Iterable<string>;
  functions: Iterable<string>;
}

/**
 * complete answers a Tab press at cursor in line: commands (aliases,
 * functions, builtins, PATH) in command position, kubectl's own completion
 * after kubectl (or an alias of it, like `k`), file paths elsewhere.
 */
export async function complete(line: string, cursor: number, ctx: CompletionContext): Promise<Completion> {
  const words = splitWords(line.slice(0, cursor));
  const current = words[words.length - 1]!;
  const before = words.slice(0, -1).map((w) => w.text);
  const home = ctx.proc.env['HOME'] ?? ctx.proc.user.home;
  let candidates: string[];
  if (before.length === 0) {
    if (current.text.includes('/')) candidates = completePath(ctx.proc.fs, current.text, ctx.proc.cwd, home);
    else {
      const pool = new Set<string>([...ctx.aliases.keys(), ...ctx.functions, ...ctx.builtins, ...completeCommand(ctx.proc.fs, ctx.proc.env['PATH'] ?? '/usr/bin:/bin', current.text)]);
      candidates = [...pool].filter((c) => c.startsWith(current.text)).sort();
    }
  } else {
    const first = expandAlias(before[0]!, ctx.aliases);
    if (first[0] === 'kubectl') {
      // kubectl's code loads with the kubectl binary, not with the page's first paint.
      const { completeKubectl } = await import('./kubectl.ts');
      candidates = completeKubectl([...first.slice(1), ...before.slice(1)], current.text, ctx.proc);
    } else if (first[0] === 'sudo' || first[0] === 'watch') candidates = (await complete(line.slice(line.indexOf(before[0]!) + before[0]!.length).trimStart(), cursor, ctx)).candidates;
    else candidates = completePath(ctx.proc.fs, current.text, ctx.proc.cwd, home);
  }
  return { start: current.start, end: cursor, candidates };
}

function expandAlias(word: string, aliases: ReadonlyMap<string, string>): string[] {
  const a = aliases.get(word);
  if (!a) return [word];
  return a.trim().split(/\s+/);
}
