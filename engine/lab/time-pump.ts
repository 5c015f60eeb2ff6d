import type { Runtime } from '../base/runtime.ts';
import { hostWorkPending } from '../base/host-work.ts';

/**
 * runStepped waits for work that depends on simulated time (a `sleep 5`, a
 * rollout being waited for) by moving the clock straight to the next event
 * whenever nothing else can make progress. Between steps it yields to the
 * host's event loop so promise chains run. Past maxMs of simulated time it
 * calls onTimeout once (the caller interrupts the command, as a user would
 * press Ctrl-C). With typeAhead, a command that waits for the terminal's
 * input gets the next typed line at once (feed answers false once there is
 * none left, after ending the input as Ctrl-D would). While the command
 * waits on the host itself (base/host-work.ts: a module loading), the clock
 * stands still.
 */
export async function runStepped<T>(
  runtime: Runtime,
  work: Promise<T>,
  yieldToHost: () => Promise<void>,
  maxMs: number,
  onTimeout: () => void,
  typeAhead?: { wantsInput: () => boolean; feed: () => boolean },
): Promise<T> {
  let done = false;
  let inputLeft = typeAhead !== undefined;
  const p = work.finally(() => {
    done = true;
  });
  const deadline = runtime.now + maxMs;
  let timedOut = false;
  while (!done) {
    await yieldToHost();
    if (done) break;
    runtime.settle();
    await yieldToHost();
    if (done) break;
    // The command waits on the host (a module loading): simulated time stands still until it is done.
    if (hostWorkPending()) continue;
    if (inputLeft && typeAhead!.wantsInput()) {
      inputLeft = typeAhead!.feed();
      continue;
    }
    const next = runtime.nextAt();
    if (next === undefined || next > deadline) {
      if (timedOut) {
        // Nothing left to run and the command still waits: it waits for input that will never come.
        if (next === undefined) break;
        runtime.advanceTo(next);
        continue;
      }
      timedOut = true;
      if (next !== undefined || runtime.now < deadline) runtime.advanceTo(deadline);
      onTimeout();
      continue;
    }
    if (next <= runtime.now) continue;
    runtime.advanceTo(next);
  }
  return p;
}
