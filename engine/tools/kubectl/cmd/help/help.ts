import type { CommandDef } from '../../cli/command.ts';
import { findCommand } from '../../cli/find-command.ts';
import { renderHelp } from '../../cli/help.ts';
import { ROOT } from '../registry.ts';
import { rootHelp } from '../root/root-help.ts';

/**
 * helpCommand is cobra's `kubectl help [command…]`: the help of the command
 * the words name (words past a command are ignored, as Find leaves them as
 * arguments), the root's help without words, and for a first word that is no
 * command "Unknown help topic" and the root's usage on stderr (still exit 0).
 * Not hidden (tab completion offers it), though the root's help does not list it.
 */
export const helpCommand: CommandDef = {
  name: 'help',
  short: 'Help about any command',
  long: 'Help provides help for any command in the application.\nSimply type kubectl help [path to command] for full details.',
  use: 'help [command] [flags] [options]',
  run: async (c) => {
    const found = findCommand(ROOT, c.args);
    if (found.unknown !== undefined && found.path.length === 0) {
      const root = rootHelp();
      c.err(`Unknown help topic [${c.args.map((a) => `\`${a}\``).join(' ')}]\n\n\n${root.slice(root.indexOf('\n\n', root.indexOf('Find more information')) + 2)}`);
      return 0;
    }
    c.out(found.path.length === 0 ? rootHelp() : renderHelp(found.cmd, found.path));
    return 0;
  },
};
