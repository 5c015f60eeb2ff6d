import type { CommandDef, RunContext } from '../../cli/command.ts';
import { flagUsages } from '../../cli/help.ts';
import { GLOBAL_FLAGS } from '../../cli/global-flags.ts';

/** optionsText is `kubectl options`: the global flags, with $HOME spelled out as kubectl resolves it. */
export function optionsText(home: string): string {
  const flags = GLOBAL_FLAGS.map((f) => {
    if (typeof f.default === 'string' && f.default.includes('$HOME')) return { ...f, default: f.default.replace('$HOME', home) };
    // klog's vmodule flag prints no default at all.
    if (f.name === 'vmodule') return { ...f, defaultText: '' };
    return f;
  });
  return `The following options can be passed to any command:\n\n${flagUsages(flags)}\n`;
}

async function run(c: RunContext): Promise<number> {
  c.out(optionsText(c.proc.env['HOME'] ?? c.proc.user.home));
  return 0;
}

/** optionsCommand is `kubectl options`; kubectl leaves it out of the root help's groups. */
export const optionsCommand: CommandDef = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  long: 'Print the list of flags inherited by all commands',
  use: 'options',
  hidden: true,
  run,
};
