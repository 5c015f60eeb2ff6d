import type { CommandDef } from '../cli/command.ts';
import { applyCommand } from './apply/apply.ts';
import { createCommand } from './create/create.ts';
import { deleteCommand } from './delete/delete.ts';
import { exposeCommand } from './expose/expose.ts';
import { runCommand } from './run/run.ts';
import { annotateCommand } from './annotate/annotate.ts';
import { labelCommand } from './label/label.ts';
import { patchCommand } from './patch/patch.ts';
import { replaceCommand } from './replace/replace.ts';
import { rolloutCommand } from './rollout/rollout.ts';
import { scaleCommand } from './scale/scale.ts';
import { editCommand } from './edit/edit.ts';
import { diffCommand } from './diff/diff.ts';
import { autoscaleCommand } from './autoscale/autoscale.ts';
import { kustomizeCommand } from './kustomize/kustomize.ts';
import { setCommand } from './set/cmd.ts';
import { getCommand } from './get/get.ts';
import { apiResourcesCommand } from './api-resources/api-resources.ts';
import { describeCommand } from './describe/describe.ts';
import { eventsCommand } from './events/events.ts';
import { topCommand } from './top/top.ts';
import { clusterInfoCommand } from './cluster-info/cluster-info.ts';
import { apiVersionsCommand } from './api-versions/api-versions.ts';
import { versionCommand } from './version/version.ts';
import { helpCommand } from './help/help.ts';
import { CLUSTER_COMMANDS } from './cluster-commands.ts';

/** COMMANDS is every kubectl command, in the order `kubectl --help` lists them within their groups. */
export const COMMANDS: CommandDef[] = [createCommand, exposeCommand, runCommand, setCommand, rolloutCommand, scaleCommand, labelCommand, annotateCommand, patchCommand, replaceCommand, editCommand, diffCommand, autoscaleCommand, kustomizeCommand, getCommand, deleteCommand, apiResourcesCommand, apiVersionsCommand, describeCommand, eventsCommand, topCommand, clusterInfoCommand, applyCommand, versionCommand, ...CLUSTER_COMMANDS, helpCommand];

/** ROOT is `kubectl` itself. */
export const ROOT: CommandDef = {
  name: 'kubectl',
  short: 'kubectl controls the Kubernetes cluster manager',
  long: `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/`,
  use: '[flags] [options]',
  subcommands: COMMANDS,
};
