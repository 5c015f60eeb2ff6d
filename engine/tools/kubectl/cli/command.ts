import type { Process } from '../../../host/process.ts';
import type { Factory } from '../factory.ts';
import type { FlagDef, FlagValue, ParsedFlags } from './flags.ts';

/**
 * CommandDef is one kubectl command (or command group), cobra-style: its
 * usage line, help texts, local flags, subcommands and run function. The
 * texts are the real kubectl's (they show in --help, which is golden-tested).
 */
export interface CommandDef {
  name: string;
  aliases?: string[];
  /** short is the one-line summary shown in command lists */
  short: string;
  /** long is the help body; absent: short is used */
  long?: string;
  /** example is the Examples block, each line already indented by two spaces */
  example?: string;
  /** use is the usage line after "kubectl " (for example "get [(-o|--output=)…] … [options]") */
  use: string;
  flags?: FlagDef[];
  subcommands?: CommandDef[];
  /** group is the heading under which `kubectl --help` lists the command */
  group?: string;
  hidden?: boolean;
  /** ownHelp: --help runs the command instead of printing help (kubectl alpha answers the same either way) */
  ownHelp?: boolean;
  /** noInterspersed stops flag parsing at the first argument (exec and run after the pod name are different: see --) */
  noInterspersed?: boolean;
  run?: (c: RunContext) => Promise<number>;
}

/** HelpTexts are the parts of a command's help, kept apart from its behaviour. */
export type HelpTexts = Pick<CommandDef, 'short' | 'long' | 'example' | 'use' | 'flags' | 'aliases'>;

/** RunContext is what a command's run receives. */
export interface RunContext {
  cmd: CommandDef;
  /** path is the command path after "kubectl", e.g. ["create", "deployment"] */
  path: string[];
  args: string[];
  /** dashIndex is where `--` split the arguments (-1 when absent) */
  dashIndex: number;
  flags: ParsedFlags;
  proc: Process;
  f: Factory;
  out(s: string): void;
  err(s: string): void;
  /** flag reads a flag's value (local or global). */
  flag<T extends FlagValue>(name: string): T;
  /** changed tells whether a flag was given on the command line. */
  changed(name: string): boolean;
  /** commandPath is "kubectl create deployment", for messages such as "See 'kubectl get --help' for usage." */
  commandPath: string;
  /** changeCause is the command line as `--record` writes it into kubernetes.io/change-cause */
  changeCause(): string;
}

/** UsageError is a user mistake in arguments; kubectl prints "error: <msg>" and "See '<cmd> -h' for help and examples". */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint: 'help' | 'usage' | 'none' = 'help',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** ExitError ends a command with a code after its output was already written. */
export class ExitError extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
