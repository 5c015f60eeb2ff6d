/**
 * Host work is waiting on the host itself rather than on the simulation: a
 * module loaded on first use (yq, jq, helm, the shell interpreter…), native
 * crypto. While any is in flight, a stepped lab's clock stands still
 * (lab/time-pump.ts): otherwise simulated minutes would pass while a busy
 * machine loads a module, and how long a command seems to take would depend
 * on the machine.
 */
let pending = 0;

/** hostWork marks the promise as host work until it settles, and returns it. */
export function hostWork<T>(p: Promise<T>): Promise<T> {
  pending++;
  return p.finally(() => {
    pending--;
  });
}

/** hostWorkPending tells whether any host work is in flight. */
export function hostWorkPending(): boolean {
  return pending > 0;
}
