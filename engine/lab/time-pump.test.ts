import { describe, expect, it } from 'vitest';
import { hostWork } from '../base/host-work.ts';
import { Runtime } from '../base/runtime.ts';
import { runStepped } from './time-pump.ts';

const turn = () => new Promise<void>((r) => setImmediate(r));

/** ticking is a runtime with a heartbeat every second, as a lab's kubelets and controllers keep one busy. */
function ticking(): Runtime {
  const runtime = new Runtime({ start: Date.UTC(2026, 0, 5, 9), seed: 1 });
  const beat = () => runtime.after(1000, beat);
  beat();
  return runtime;
}

describe('runStepped', () => {
  it('moves the clock to the next event while a command waits on simulated time', async () => {
    const runtime = ticking();
    const t0 = runtime.now;
    const slept = new Promise<void>((r) => runtime.after(30_000, r));
    await runStepped(runtime, slept, turn, 60_000, () => {});
    expect(runtime.now - t0).toBe(30_000);
  });

  it('keeps the clock still while the command waits on host work (a module loading), however long it takes', async () => {
    const runtime = ticking();
    const t0 = runtime.now;
    let timedOut = false;
    // host work that takes many turns of the host's event loop, as a module load on a busy machine does
    const load = async () => {
      for (let i = 0; i < 2000; i++) await turn();
      return 'loaded';
    };
    const work = hostWork(load()).then((v) => v);
    expect(await runStepped(runtime, work, turn, 60_000, () => (timedOut = true))).toBe('loaded');
    expect(runtime.now).toBe(t0);
    expect(timedOut).toBe(false);
  });

  it('times out a command that waits on the simulation past the limit', async () => {
    const runtime = ticking();
    let timedOut = false;
    let stop!: () => void;
    const never = new Promise<void>((r) => (stop = r));
    await runStepped(runtime, never, turn, 10_000, () => {
      timedOut = true;
      stop();
    });
    expect(timedOut).toBe(true);
  });
});
