import type { CommandDef } from '../../cli/command.ts';

const NONE = 'No alpha commands are available in this version of kubectl\n';

/**
 * alphaCommand is `kubectl alpha`, hidden from help: this kubectl version has
 * no alpha commands, so every use of it (its --help included) says so on
 * stderr and succeeds, as kubectl 1.33 does.
 */
export const alphaCommand: CommandDef = {
  name: 'alpha',
  short: 'Commands for features in alpha',
  long: 'These commands correspond to alpha features that are not enabled in Kubernetes clusters by default.',
  use: 'alpha',
  hidden: true,
  ownHelp: true,
  run: async (c) => {
    c.err(NONE);
    return 0;
  },
};
