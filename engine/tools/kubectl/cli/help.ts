import type { CommandDef } from './command.ts';
import { formatDefault, type FlagDef } from './flags.ts';

/** flagUsages renders an Options block as kubectl does when not on a terminal: sorted, one blank line between. */
export function flagUsages(flags: FlagDef[]): string {
  const visible = flags.filter((f) => !f.hidden && !f.deprecated).sort((a, b) => (a.name < b.name ? -1 : 1));
  return visible
    .map((f) => {
      const names = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
      return `    ${names}=${formatDefault(f)}:\n\t${f.usage}\n`;
    })
    .join('\n');
}

function commandList(cmds: CommandDef[]): string {
  const shown = cmds.filter((c) => !c.hidden);
  // cobra pads names to at least 11 columns (its minNamePadding)
  const width = Math.max(11, ...shown.map((c) => c.name.length)) + 3;
  return shown.map((c) => `  ${c.name.padEnd(width)}${c.short}`).join('\n');
}

/** renderHelp is kubectl's usage template for one command. */
export function renderHelp(cmd: CommandDef, path: string[]): string {
  const parts: string[] = [];
  parts.push((cmd.long ?? cmd.short).replace(/\n+$/, ''));
  if (cmd.aliases?.length) parts.push(`Aliases:\n${[cmd.name, ...cmd.aliases].join(', ')}`);
  if (cmd.example) parts.push(`Examples:\n${cmd.example.replace(/\n+$/, '')}`);
  if (cmd.subcommands?.length) parts.push(`Available Commands:\n${commandList(cmd.subcommands)}`);
  const flags = cmd.flags ?? [];
  if (flags.some((f) => !f.hidden)) parts.push(`Options:\n${flagUsages(flags).replace(/\n$/, '')}`);
  parts.push(`Usage:\n  kubectl ${cmd.use}`);
  let tail = '';
  if (cmd.subcommands?.length) tail += `Use "kubectl ${[...path, '<command>'].join(' ')} --help" for more information about a given command.\n`;
  tail += 'Use "kubectl options" for a list of global command-line options (applies to all commands).';
  parts.push(tail);
  return parts.join('\n\n') + '\n';
}

/** suggestions lists commands within Levenshtein distance 2 of typed, or sharing its prefix (cobra's SuggestionsFor). */
export function suggestions(typed: string, cmds: CommandDef[]): string[] {
  const out: string[] = [];
  for (const c of cmds) {
    if (c.hidden) continue;
    const d = levenshtein(typed.toLowerCase(), c.name.toLowerCase());
    if (d <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase())) out.push(c.name);
  }
  return out;
}

function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
    }
  }
  return d[a.length]![b.length]!;
}
