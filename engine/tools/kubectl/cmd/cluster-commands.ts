import type { CommandDef } from '../cli/command.ts';
import { attachCommand } from './attach/attach.ts';
import { debugCommand } from './debug/debug.ts';
import { authCommand } from './auth/auth.ts';
import { certificateCommand } from './certificate/certificate.ts';
import { completionCommand } from './completion/completion.ts';
import { configCommand } from './config/config.ts';
import { cordonCommand, uncordonCommand } from './cordon/cordon.ts';
import { cpCommand } from './cp/cp.ts';
import { drainCommand } from './drain/drain.ts';
import { execCommand } from './exec/exec.ts';
import { explainCommand } from './explain/explain.ts';
import { logsCommand } from './logs/logs.ts';
import { portForwardCommand } from './port-forward/port-forward.ts';
import { proxyCommand } from './proxy/proxy.ts';
import { optionsCommand } from './root/options.ts';
import { pluginCommand } from './plugin/plugin.ts';
import { taintCommand } from './taint/taint.ts';
import { waitCommand } from './wait/wait.ts';
import { alphaCommand } from './alpha/alpha.ts';

/** CLUSTER_COMMANDS are kubectl's cluster, auth, config and debugging commands and `kubectl options`. */
export const CLUSTER_COMMANDS: CommandDef[] = [
  certificateCommand, cordonCommand, uncordonCommand, drainCommand, taintCommand, logsCommand, attachCommand, execCommand, debugCommand, portForwardCommand, proxyCommand, cpCommand,
  explainCommand, authCommand, waitCommand, completionCommand, configCommand, optionsCommand, pluginCommand, alphaCommand,
];
