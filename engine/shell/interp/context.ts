import type { Host } from '../../host/host.ts';
import type { SystemServices } from '../../host/process.ts';
import type { User } from '../../host/types.ts';
import type { ProgramDef } from '../../tools/types.ts';

/** ShellMode says how the shell reads its input, which decides how errors are prefixed. */
export type ShellMode = { kind: 'interactive' } | { kind: 'script'; name: string } | { kind: 'command' };

/**
 * HostContext is where a shell runs: the machine, the user, the services
 * given to the programs it starts, and how to find programs by name.
 */
export interface HostContext {
  host: Host;
  user: User;
  sys: SystemServices;
  programs: (name: string) => ProgramDef | undefined;
  /** yieldToHost lets the embedding event loop run (a macrotask), so Ctrl-C can arrive during long loops. */
  yieldToHost: () => Promise<void>;
  /** the session's controlling terminal name, e.g. "pts/0" (for ps and tty) */
  tty: string;
}
