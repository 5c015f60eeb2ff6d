import type { CommandDef } from '../cli/command.ts';
import { applyCommand } from './apply/apply.ts';
import { deleteCommand } from './delete/delete.ts';
import { getCommand } from './get/get.ts';
import { versionCommand } from './version/version.ts';

/** COMMANDS is every kubectl command, in the order `kubectl --help` lists them within their groups. */
export const COMMANDS: CommandDef[] = [getCommand, deleteCommand, applyCommand, versionCommand];

/** ROOT is `kubectl` itself. */
export const ROOT: CommandDef = {
  name: 'kubectl',
  short: 'kubectl controls the Kubernetes cluster manager',
  long: `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/`,
  use: '[flags] [options]',
  subcommands: COMMANDS,
};
