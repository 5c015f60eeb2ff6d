import type { CommandDef } from '../../cli/command.ts';
import { suggestions } from '../../cli/help.ts';

/**
 * ROOT_GROUPS is the command list of `kubectl --help` in kubectl 1.33, group
 * by group, in the order kubectl prints it. It is a fixed table rather than
 * derived from the registered commands, so the root help stays the real one
 * whichever commands this kubectl implements.
 */
export const ROOT_GROUPS: { title: string; commands: [string, string][] }[] = [
  { title: 'Basic Commands (Beginner)', commands: [
    ['create', 'Create a resource from a file or from stdin'],
    ['expose', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service'],
    ['run', 'Run a particular image on the cluster'],
    ['set', 'Set specific features on objects'],
  ] },
  { title: 'Basic Commands (Intermediate)', commands: [
    ['explain', 'Get documentation for a resource'],
    ['get', 'Display one or many resources'],
    ['edit', 'Edit a resource on the server'],
    ['delete', 'Delete resources by file names, stdin, resources and names, or by resources and label selector'],
  ] },
  { title: 'Deploy Commands', commands: [
    ['rollout', 'Manage the rollout of a resource'],
    ['scale', 'Set a new size for a deployment, replica set, or replication controller'],
    ['autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller'],
  ] },
  { title: 'Cluster Management Commands', commands: [
    ['certificate', 'Modify certificate resources'],
    ['cluster-info', 'Display cluster information'],
    ['top', 'Display resource (CPU/memory) usage'],
    ['cordon', 'Mark node as unschedulable'],
    ['uncordon', 'Mark node as schedulable'],
    ['drain', 'Drain node in preparation for maintenance'],
    ['taint', 'Update the taints on one or more nodes'],
  ] },
  { title: 'Troubleshooting and Debugging Commands', commands: [
    ['describe', 'Show details of a specific resource or group of resources'],
    ['logs', 'Print the logs for a container in a pod'],
    ['attach', 'Attach to a running container'],
    ['exec', 'Execute a command in a container'],
    ['port-forward', 'Forward one or more local ports to a pod'],
    ['proxy', 'Run a proxy to the Kubernetes API server'],
    ['cp', 'Copy files and directories to and from containers'],
    ['auth', 'Inspect authorization'],
    ['debug', 'Create debugging sessions for troubleshooting workloads and nodes'],
    ['events', 'List events'],
  ] },
  { title: 'Advanced Commands', commands: [
    ['diff', 'Diff the live version against a would-be applied version'],
    ['apply', 'Apply a configuration to a resource by file name or stdin'],
    ['patch', 'Update fields of a resource'],
    ['replace', 'Replace a resource by file name or stdin'],
    ['wait', 'Experimental: Wait for a specific condition on one or many resources'],
    ['kustomize', 'Build a kustomization target from a directory or URL'],
  ] },
  { title: 'Settings Commands', commands: [
    ['label', 'Update the labels on a resource'],
    ['annotate', 'Update the annotations on a resource'],
    ['completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'],
  ] },
  { title: 'Subcommands provided by plugins', commands: [] },
  { title: 'Other Commands', commands: [
    ['api-resources', 'Print the supported API resources on the server'],
    ['api-versions', 'Print the supported API versions on the server, in the form of "group/version"'],
    ['config', 'Modify kubeconfig files'],
    ['plugin', 'Provides utilities for interacting with plugins'],
    ['version', 'Print the client and server version information'],
  ] },
];

/** ROOT_ORDER is every root command name in the order kubectl registers them (the order of its suggestions). */
export const ROOT_ORDER: string[] = ROOT_GROUPS.flatMap((g) => g.commands.map(([n]) => n));

/** rootHelp is `kubectl --help` (and bare `kubectl`). */
export function rootHelp(): string {
  const width = Math.max(...ROOT_ORDER.map((n) => n.length)) + 3;
  const groups = ROOT_GROUPS.map((g) => `${g.title}:\n${g.commands.map(([n, s]) => `  ${n.padEnd(width)}${s}\n`).join('')}`);
  return `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

${groups.join('\n')}
Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
}

/**
 * unknownCommandText is what kubectl prints for a command it does not know.
 * At the root cobra suggests close names (in registration order); below it,
 * kubectl's own check names the parent's help instead.
 */
export function unknownCommandText(typed: string, path: string[], registered: CommandDef[]): string {
  if (path.length > 0) return `error: unknown command "${typed}"\nSee 'kubectl ${path.join(' ')} -h' for help and examples\n`;
  const known: CommandDef[] = ROOT_ORDER.map((name) => registered.find((c) => c.name === name) ?? { name, short: '', use: '' });
  const sug = suggestions(typed, known);
  let msg = `error: unknown command "${typed}" for "kubectl"\n`;
  if (sug.length) msg += `\nDid you mean this?\n${sug.map((s) => `\t${s}`).join('\n')}\n`;
  return msg;
}
