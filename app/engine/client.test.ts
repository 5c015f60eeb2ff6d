import { describe, expect, it } from 'vitest';
import type { CallMessage, FromWorker } from '../../engine/worker/messages.ts';
import { EngineClient, type WorkerPort } from './client.ts';
import { EngineError } from './errors.ts';

function port() {
  const sent: CallMessage[] = [];
  const listeners: ((e: MessageEvent<FromWorker[]>) => void)[] = [];
  const p: WorkerPort = {
    postMessage: (m) => sent.push(m),
    addEventListener: ((type: string, fn: (e: MessageEvent<FromWorker[]>) => void) => {
      if (type === 'message') listeners.push(fn);
    }) as WorkerPort['addEventListener'],
  };
  const deliver = (msgs: FromWorker[]) => listeners.forEach((l) => l({ data: msgs } as MessageEvent<FromWorker[]>));
  return { p, sent, deliver };
}

describe('EngineClient', () => {
  it('matches replies to calls by id and delivers events in order', async () => {
    const { p, sent, deliver } = port();
    const c = new EngineClient(p);
    const events: string[] = [];
    c.on((e) => e.type === 'output' && events.push(e.data));
    const a = c.readFile('controlplane', '/etc/hostname');
    const b = c.readFile('node01', '/etc/hostname');
    expect(sent.map((m) => [m.id, m.method, m.args])).toEqual([
      [1, 'readFile', ['controlplane', '/etc/hostname']],
      [2, 'readFile', ['node01', '/etc/hostname']],
    ]);
    deliver([
      { kind: 'event', event: { type: 'output', session: 's1', stream: 'stdout', data: 'x' } },
      { kind: 'reply', id: 2, ok: true, value: 'node01\n' },
      { kind: 'reply', id: 1, ok: true, value: 'controlplane\n' },
    ]);
    expect(await a).toBe('controlplane\n');
    expect(await b).toBe('node01\n');
    expect(events).toEqual(['x']);
  });

  it('rebuilds engine errors', async () => {
    const { p, deliver } = port();
    const c = new EngineClient(p);
    const r = c.submit('s9', 'ls');
    deliver([{ kind: 'reply', id: 1, ok: false, error: { name: 'Error', message: 'no such session: s9', code: 'NotFound' } }]);
    const err = await r.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ message: 'no such session: s9', code: 'NotFound' });
  });

  it('treats a missing optional call as a no-op', async () => {
    const { p, deliver } = port();
    const c = new EngineClient(p);
    const r = c.resize('s1', 120, 40);
    deliver([{ kind: 'reply', id: 1, ok: false, error: { name: 'Error', message: 'resize is not supported by this engine', code: 'Unsupported' } }]);
    await expect(r).resolves.toBeUndefined();
  });

  it('resolves ready on the worker hello', async () => {
    const { p, deliver } = port();
    const c = new EngineClient(p);
    deliver([{ kind: 'ready' }]);
    await expect(c.ready).resolves.toBeUndefined();
  });
});
