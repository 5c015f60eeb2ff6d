import type { Host } from '../../host/host.ts';
import type { InterruptSignal, SystemServices } from '../../host/process.ts';
import type { User } from '../../host/types.ts';
import type { ProgramDef } from '../../tools/types.ts';

/**
 * Dialect is which shell sh is: bash, or what /bin/sh is where bash is not
 * asked for by name — dash on Debian and Ubuntu, busybox's ash in busybox and
 * alpine images. It decides how errors read ("sh: 1: x: not found").
 */
export type Dialect = 'bash' | 'dash' | 'ash';

/** ShellMode says how the shell reads its input, which decides how errors are prefixed. */
export type ShellMode = { kind: 'interactive' } | { kind: 'script'; name: string; dialect?: Dialect } | { kind: 'command'; name?: string; dialect?: Dialect };

/**
 * HostContext is where a shell runs: the machine, the user, the services
 * given to the programs it starts, and how to find programs by name.
 */
export interface HostContext {
  host: Host;
  user: User;
  sys: SystemServices;
  programs: (name: string) => ProgramDef | undefined;
  /**
   * yieldToHost is called every STEPS_PER_SLICE statements. At the terminal it lets the embedding event loop
   * run (a macrotask), so Ctrl-C can arrive during long loops; where nobody types (a container's process) it
   * waits on the simulated clock, so a busy loop spends simulated CPU time instead of holding the engine.
   * It must never resolve in a microtask alone: a loop would then starve everything else. The signal ends
   * a wait early.
   */
  yieldToHost: (signal?: InterruptSignal) => Promise<void>;
  /** the session's controlling terminal name, e.g. "pts/0" (for ps and tty) */
  tty: string;
}
