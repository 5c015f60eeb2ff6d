import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallMessage, FromWorker } from '../../engine/worker/messages.ts';
import { EngineClient, type WorkerPort } from './client.ts';
import { EngineSupervisor } from './supervisor.ts';

/** fakeWorker answers pings while alive; terminate() silences it for good. */
function fakeWorker() {
  const listeners: ((e: MessageEvent<FromWorker[]>) => void)[] = [];
  const w = {
    alive: true,
    terminated: false,
    postMessage(m: CallMessage) {
      if (!w.alive) return;
      queueMicrotask(() => listeners.forEach((l) => l({ data: [{ kind: 'reply', id: m.id, ok: true, value: 0 }] } as MessageEvent<FromWorker[]>)));
    },
    addEventListener(type: string, fn: (e: MessageEvent<FromWorker[]>) => void) {
      if (type === 'message') listeners.push(fn);
    },
    ready() {
      listeners.forEach((l) => l({ data: [{ kind: 'ready' }] } as MessageEvent<FromWorker[]>));
    },
    terminate() {
      w.alive = false;
      w.terminated = true;
    },
  };
  return w;
}

describe('EngineSupervisor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('leaves an answering engine alone and replaces a silent one, then asks the page to restore', async () => {
    const first = fakeWorker();
    const spawned: ReturnType<typeof fakeWorker>[] = [];
    const client = new EngineClient(first as unknown as WorkerPort);
    const sup = new EngineSupervisor(client, first, () => {
      const w = fakeWorker();
      spawned.push(w);
      queueMicrotask(() => w.ready());
      return w as unknown as Worker;
    }, { everyMs: 1000, deadAfterMs: 5000 });
    const restarts: string[] = [];
    sup.onRestart = async (reason) => void restarts.push(reason);
    sup.start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(spawned).toHaveLength(0);

    first.alive = false; // hangs: no more answers
    const lost = client.readFile('h', '/f').catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(8000);
    expect(first.terminated).toBe(true);
    expect(spawned).toHaveLength(1);
    expect(restarts).toEqual(['the engine stopped responding']);
    expect(await lost).toMatch(/restarted/);
    // The new worker answers; nothing more happens.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(spawned).toHaveLength(1);
    sup.stop();
  });
});
