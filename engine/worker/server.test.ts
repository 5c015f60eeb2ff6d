import { describe, expect, it } from 'vitest';
import type { BootOptions, EngineApi, EngineEvent } from '../protocol/api.ts';
import type { CallMessage, FromWorker } from './messages.ts';
import { EngineServer, type LabFactory, type LabInstance } from './server.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

function fakeLab(emit: (e: EngineEvent) => void, n: number): LabInstance {
  const api: Partial<EngineApi> & { tick(ms: number): void; ticked: number } = {
    ticked: 0,
    async boot(opts: BootOptions) {
      emit({ type: 'notice', level: 'info', text: `lab ${n} booting ${opts.state ? opts.state.length : 'fresh'}` });
      return { version: 'x', sessions: [], clusters: [], now: 0 };
    },
    async submit(_s: string, line: string) {
      emit({ type: 'output', session: 's1', stream: 'stdout', data: 'a' });
      emit({ type: 'output', session: 's1', stream: 'stdout', data: 'b\n' });
      emit({ type: 'output', session: 's1', stream: 'stderr', data: 'err\n' });
      if (line === 'boom') throw Object.assign(new Error('no such thing'), { code: 'NotFound' });
      return { kind: 'done', exit: 0, session: { id: 's1', host: 'h', user: 'u', cwd: '/', prompt: '$ ', depth: 0, ended: false } };
    },
    async saveState() {
      return new Uint8Array([1, 2, 3]);
    },
    tick(ms: number) {
      this.ticked += ms;
    },
  };
  return api as unknown as LabInstance;
}

function setup() {
  const batches: FromWorker[][] = [];
  const transfers: Transferable[][] = [];
  const labs: LabInstance[] = [];
  const factory: LabFactory = ({ emit }) => {
    const l = fakeLab(emit, labs.length + 1);
    labs.push(l);
    return l;
  };
  const server = new EngineServer(factory, (m, t) => {
    batches.push(m);
    transfers.push(t);
  }, async () => undefined);
  const call = (id: number, method: string, ...args: unknown[]) => server.handle({ kind: 'call', id, method, args } as unknown as CallMessage);
  return { server, batches, transfers, labs, call, msgs: () => batches.flat() };
}

describe('EngineServer', () => {
  it('answers each call once, after the output it produced, merging adjacent output', async () => {
    const { call, msgs } = setup();
    await call(1, 'submit', 's1', 'ls');
    await settle();
    expect(msgs()).toEqual([
      { kind: 'event', event: { type: 'output', session: 's1', stream: 'stdout', data: 'ab\n' } },
      { kind: 'event', event: { type: 'output', session: 's1', stream: 'stderr', data: 'err\n' } },
      { kind: 'reply', id: 1, ok: true, value: expect.objectContaining({ kind: 'done', exit: 0 }) },
    ]);
  });

  it('serialises errors with their code and refuses unknown methods', async () => {
    const { call, msgs } = setup();
    await call(2, 'submit', 's1', 'boom');
    await call(3, 'tick', 1000);
    await call(4, 'constructor');
    await settle();
    const replies = msgs().filter((m) => m.kind === 'reply');
    expect(replies).toEqual([
      { kind: 'reply', id: 2, ok: false, error: expect.objectContaining({ name: 'Error', message: 'no such thing', code: 'NotFound' }) },
      { kind: 'reply', id: 3, ok: false, error: { name: 'TypeError', message: 'unknown call tick' } },
      { kind: 'reply', id: 4, ok: false, error: { name: 'TypeError', message: 'unknown call constructor' } },
    ]);
  });

  it('reports a method the engine lacks as Unsupported', async () => {
    const { call, msgs } = setup();
    await call(5, 'resize', 's1', 100, 30);
    await settle();
    expect(msgs()[0]).toMatchObject({ kind: 'reply', id: 5, ok: false, error: { code: 'Unsupported' } });
  });

  it('transfers a saved state instead of copying it', async () => {
    const { call, transfers, msgs } = setup();
    await call(6, 'saveState');
    await settle();
    expect(msgs()[0]).toMatchObject({ kind: 'reply', id: 6, ok: true });
    expect(transfers[0]).toHaveLength(1);
  });

  it('builds a fresh lab for every boot after the first and drops the old one', async () => {
    const { call, labs, msgs, server } = setup();
    await call(1, 'boot', {});
    await call(2, 'boot', { state: new Uint8Array([9, 9]).buffer });
    await settle();
    expect(labs).toHaveLength(2);
    expect(msgs().filter((m) => m.kind === 'event').map((m) => (m.kind === 'event' && m.event.type === 'notice' ? m.event.text : ''))).toEqual(['lab 1 booting fresh', 'lab 2 booting 2']);
    server.tick(50);
    expect((labs[1] as unknown as { ticked: number }).ticked).toBe(50);
    expect((labs[0] as unknown as { ticked: number }).ticked).toBe(0);
  });

  it('holds calls that arrive while a boot waits (for native crypto) until the lab is up, in order', async () => {
    const log: string[] = [];
    let finish!: () => void;
    const factory: LabFactory = () => ({
      async boot() {
        log.push('boot starts');
        await new Promise<void>((r) => (finish = r));
        log.push('boot ends');
        return { version: 'x', sessions: [], clusters: [], now: 0 };
      },
      async ping() {
        log.push('ping');
        return 1;
      },
      tick() {},
    }) as unknown as LabInstance;
    const replies: number[] = [];
    const server = new EngineServer(factory, (m) => m.forEach((x) => x.kind === 'reply' && replies.push(x.id)), async () => undefined);
    const call = (id: number, method: string) => server.handle({ kind: 'call', id, method, args: [] } as unknown as CallMessage);
    const done = [call(1, 'boot'), call(2, 'ping'), call(3, 'ping')];
    await settle();
    expect(log).toEqual(['boot starts']);
    finish();
    await Promise.all(done);
    await settle();
    expect(log).toEqual(['boot starts', 'boot ends', 'ping', 'ping']);
    expect(replies).toEqual([1, 2, 3]);
    // With no boot running, a call is served at once.
    void call(4, 'ping');
    expect(log).toHaveLength(5);
  });
});
