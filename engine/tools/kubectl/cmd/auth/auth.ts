import type { CommandDef } from '../../cli/command.ts';
import { authCanICommand } from './can-i.ts';
import { authReconcileCommand } from './reconcile.ts';
import { authHelp } from './texts.ts';
import { authWhoamiCommand } from './whoami.ts';

/** authCommand is `kubectl auth`. */
export const authCommand: CommandDef = {
  name: 'auth',
  group: 'Troubleshooting and Debugging Commands',
  ...authHelp,
  subcommands: [authCanICommand, authReconcileCommand, authWhoamiCommand],
};
