import type { Runtime } from '../../base/runtime.ts';

/** settleAsync lets promise chains and late imports finish (a few macrotask turns; tests only). */
export async function settleAsync(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((r) => setImmediate(r));
}

/**
 * advance moves simulated time to now+ms event by event, letting the async
 * programs of containers and daemons react between events, as the lab's
 * time pump does.
 */
export async function advance(runtime: Runtime, ms: number): Promise<void> {
  const target = runtime.now + ms;
  await settleAsync();
  for (;;) {
    runtime.settle();
    await settleAsync(1);
    const next = runtime.nextAt();
    if (next === undefined || next > target) break;
    runtime.advanceTo(next);
    await settleAsync(1);
  }
  runtime.advanceTo(target);
  await settleAsync();
}
