import type { CommandDef } from '../../cli/command.ts';
import { configCurrentContextCommand, configGetClustersCommand, configGetContextsCommand, configGetUsersCommand, configRenameContextCommand, configUseContextCommand } from './contexts.ts';
import { configDeleteClusterCommand, configDeleteContextCommand, configDeleteUserCommand } from './delete.ts';
import { configSetCommand, configUnsetCommand } from './property.ts';
import { configSetClusterCommand, configSetContextCommand, configSetCredentialsCommand } from './set-entries.ts';
import { configHelp } from './texts.ts';
import { configViewCommand } from './view.ts';

/** configCommand is `kubectl config` and its subcommands (listed alphabetically, as cobra sorts them). */
export const configCommand: CommandDef = {
  name: 'config',
  group: 'Other Commands',
  ...configHelp,
  subcommands: [
    configCurrentContextCommand, configDeleteClusterCommand, configDeleteContextCommand, configDeleteUserCommand, configGetClustersCommand, configGetContextsCommand,
    configGetUsersCommand, configRenameContextCommand, configSetCommand, configSetClusterCommand, configSetContextCommand, configSetCredentialsCommand,
    configUnsetCommand, configUseContextCommand, configViewCommand,
  ],
};
