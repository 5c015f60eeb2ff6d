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
