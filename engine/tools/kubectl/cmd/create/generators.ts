import type { CommandDef } from '../../cli/command.ts';
import { createConfigMapCommand } from './configmap.ts';
import { createDeploymentCommand } from './deployment.ts';
import { createIngressCommand } from './ingress.ts';
import { createCronJobCommand, createJobCommand } from './job.ts';
import { createClusterRoleBindingCommand, createClusterRoleCommand, createRoleBindingCommand, createRoleCommand } from './rbac.ts';
import { createSecretCommand } from './secret.ts';
import { createServiceCommand } from './service.ts';
import { createNamespaceCommand, createPdbCommand, createPriorityClassCommand, createQuotaCommand, createServiceAccountCommand } from './simple.ts';
import { createTokenCommand } from './token.ts';

/** GENERATORS are `kubectl create`'s subcommands, in the order its help lists them. */
export const GENERATORS: CommandDef[] = [
  createClusterRoleCommand,
  createClusterRoleBindingCommand,
  createConfigMapCommand,
  createCronJobCommand,
  createDeploymentCommand,
  createIngressCommand,
  createJobCommand,
  createNamespaceCommand,
  createPdbCommand,
  createPriorityClassCommand,
  createQuotaCommand,
  createRoleCommand,
  createRoleBindingCommand,
  createSecretCommand,
  createServiceCommand,
  createServiceAccountCommand,
  createTokenCommand,
];
