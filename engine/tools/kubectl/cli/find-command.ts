import type { CommandDef } from './command.ts';
import { GLOBAL_FLAGS } from './global-flags.ts';

/** findCommand walks argv to the deepest matching subcommand, skipping flags (and their values) on the way. */
export function findCommand(root: CommandDef, argv: string[]): { cmd: CommandDef; path: string[]; rest: string[]; unknown?: string } {
  let cmd = root;
  const path: string[] = [];
  const rest: string[] = [];
  let i = 0;
  const takesValue = (name: string, short: boolean) => {
    const defs = [...GLOBAL_FLAGS, ...(cmd.flags ?? [])];
    const d = defs.find((f) => (short ? f.short === name : f.name === name));
    return !!d && d.type !== 'bool' && d.noOptDefault === undefined;
  };
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('--')) {
      rest.push(a);
      if (!a.includes('=') && takesValue(a.slice(2), false) && i + 1 < argv.length) rest.push(argv[++i]!);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      rest.push(a);
      if (a.length === 2 && takesValue(a[1]!, true) && i + 1 < argv.length) rest.push(argv[++i]!);
      continue;
    }
    const sub = cmd.subcommands?.find((c) => c.name === a || c.aliases?.includes(a));
    if (!sub) {
      if (!cmd.run) return { cmd, path, rest: [...rest, ...argv.slice(i)], unknown: a };
      break;
    }
    cmd = sub;
    path.push(sub.name);
  }
  return { cmd, path, rest: [...rest, ...argv.slice(i)] };
}
