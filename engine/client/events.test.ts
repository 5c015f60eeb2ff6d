import { describe, expect, it } from 'vitest';
import { testApiServer } from '../apiserver/testing/harness.ts';
import type { KObject } from '../api/types.ts';
import { ApiClient } from './client.ts';
import { EventRecorder } from './events.ts';
import { R } from './refs.ts';

describe('EventRecorder', () => {
  it('names events <object>.<unix nanoseconds in hex>, a sequence apart within one millisecond', () => {
    const { runtime, server } = testApiServer();
    const client = new ApiClient(() => server, { token: 'admin' });
    client.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u1' } } as KObject;
    const rec = new EventRecorder(client, runtime, { component: 'kubelet', host: 'node01' });
    rec.event(pod, 'Normal', 'Pulled', 'pulled');
    rec.event(pod, 'Normal', 'Created', 'created');
    runtime.advance(1);
    rec.event(pod, 'Normal', 'Started', 'started');
    rec.event(pod, 'Normal', 'Started', 'started'); // a repeat: counted, not a new event
    const events = client.list(R.events, 'default').items;
    const nanos = BigInt(runtime.now - 1) * 1_000_000n;
    expect(events.map((e) => [e.metadata.name, e.reason, e.count])).toEqual([
      [`web.${nanos.toString(16)}`, 'Pulled', 1],
      [`web.${(nanos + 1n).toString(16)}`, 'Created', 1],
      [`web.${(nanos + 1_000_000n + 2n).toString(16)}`, 'Started', 2],
    ]);
  });
});

describe('EventRecorder (legacy) runs client-go’s correlator', () => {
  function setup() {
    const { runtime, server } = testApiServer();
    const client = new ApiClient(() => server, { token: 'admin' });
    client.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d8f', namespace: 'default', uid: 'rs1' } } as KObject;
    const rec = new EventRecorder(client, runtime, { component: 'replicaset-controller' });
    const events = () => client.list(R.events, 'default').items.map((e) => [e.message, e.count, e.reportingComponent]);
    return { runtime, client, rs, rec, events };
  }

  it('writes nine distinct messages, then one "(combined from similar events)" event whose count grows until the spam filter stops it', () => {
    const { rs, rec, events } = setup();
    for (let i = 0; i < 100; i++) rec.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-5d8f-${i}`);
    const got = events();
    expect(got.slice(0, 9)).toEqual(Array.from({ length: 9 }, (_, i) => [`Created pod: web-5d8f-${i}`, 1, 'replicaset-controller']));
    // 25 writes pass (9 creates, the aggregate's create and 15 patches): the 25th message is the last stored
    expect(got.slice(9)).toEqual([['(combined from similar events): Created pod: web-5d8f-24', 16, '']]);
  });

  it('keeps counting filtered repeats, so the next write that passes carries the whole count', () => {
    const { runtime, rs, rec, events } = setup();
    for (let i = 0; i < 30; i++) rec.event(rs, 'Warning', 'FailedCreate', 'quota exceeded');
    expect(events()).toEqual([['quota exceeded', 25, 'replicaset-controller']]);
    runtime.advance(299_000);
    rec.event(rs, 'Warning', 'FailedCreate', 'quota exceeded');
    expect(events()).toEqual([['quota exceeded', 25, 'replicaset-controller']]);
    runtime.advance(2_000); // a token back after five minutes
    rec.event(rs, 'Warning', 'FailedCreate', 'quota exceeded');
    expect(events()).toEqual([['quota exceeded', 32, 'replicaset-controller']]);
  });

  it('creates the event again, with its count, when the one it would patch is gone', () => {
    const { client, rs, rec, events } = setup();
    rec.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: a');
    const [ev] = client.list(R.events, 'default').items;
    client.delete(R.events, 'default', ev!.metadata.name!);
    rec.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: a');
    expect(events()).toEqual([['Created pod: a', 2, 'replicaset-controller']]);
    expect(client.list(R.events, 'default').items[0]!.metadata.name).toBe(ev!.metadata.name);
  });

  it('starts aggregation afresh after ten quiet minutes', () => {
    const { runtime, rs, rec, events } = setup();
    for (let i = 0; i < 9; i++) rec.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: p${i}`);
    runtime.advance(600_001);
    rec.event(rs, 'Normal', 'SuccessfulDelete', 'Deleted pod: p9');
    expect(events().map((e) => e[0])).not.toContainEqual(expect.stringContaining('combined'));
  });
});
