import type { Runtime } from '../base/runtime.ts';
import type { Host } from '../host/host.ts';
import type { Network } from '../host/net.ts';
import type { Editor, InterruptSignal, SessionControl, SystemServices } from '../host/process.ts';

/** sleepOn resolves after ms of simulated time, or early with false when the signal fires. */
export function sleepOn(runtime: Runtime, ms: number, signal?: InterruptSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.interrupted) {
      resolve(false);
      return;
    }
    let off: (() => void) | undefined;
    const timer = runtime.after(ms, () => {
      off?.();
      resolve(true);
    }, 'sleep');
    off = signal?.onInterrupt(() => {
      timer.cancel();
      resolve(false);
    });
  });
}

/**
 * simulatedYield is a HostContext.yieldToHost for shells nobody drives with
 * a host event loop: each slice of statements waits ms of simulated time, so
 * a busy loop advances with the clock (and whoever pumps the runtime decides
 * how fast) instead of spinning in microtasks forever.
 */
export function simulatedYield(runtime: Runtime, ms: number): (signal?: InterruptSignal) => Promise<void> {
  return async (signal) => void (await sleepOn(runtime, ms, signal));
}

/** ServicesOptions is what a host's SystemServices are made of. */
export interface ServicesOptions {
  runtime: Runtime;
  net: Network;
  editor: Editor;
  machines: () => string[];
  session: SessionControl;
  terminal: { columns: number; rows: number; interactive: boolean };
}

/** makeServices builds the SystemServices given to programs running on host. */
export function makeServices(host: Host, o: ServicesOptions): SystemServices {
  return {
    runtime: o.runtime,
    sleep: (ms, signal) => sleepOn(o.runtime, ms, signal),
    net: o.net,
    hostIp: host.ip,
    machines: o.machines,
    session: o.session,
    editor: o.editor,
    terminal: o.terminal,
    processes: () => host.procs.list(),
    signalProcess: (pid, sig) => host.procs.signal(pid, sig),
  };
}
