import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.ts';
import { ApiClient } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { testApiServer } from '../testing/harness.ts';

/** Watches with a field selector on spec.nodeName skip other nodes' events before translating them: what they see must not change. */
describe('watch by spec.nodeName', () => {
  function setup() {
    const { runtime, server } = testApiServer({ seed: 9 });
    const admin = new ApiClient(() => server, { token: 'admin' });
    admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const seen = (fieldSelector: string) => {
      const out: string[] = [];
      admin.watch(R.pods, undefined, { fieldSelector }, (e) => out.push(`${e.type} ${(e.object as KObject).metadata.name}`), () => {});
      return out;
    };
    const pod = (name: string, nodeName?: string) =>
      admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] } });
    const bind = (name: string, node: string) => admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: node } }, {}, 'binding', name);
    const setPhase = (name: string, phase: string) => {
      const p = admin.get(R.pods, 'default', name);
      admin.updateStatus(R.pods, { ...p, status: { ...(p.status as object), phase } });
    };
    return { runtime, admin, seen, pod, bind, setPhase };
  }

  it("delivers a node's pods as they are bound, change and go, and nothing of other nodes", () => {
    const t = setup();
    const n1 = t.seen('spec.nodeName=n1');
    const unassigned = t.seen('spec.nodeName=');
    const both = t.seen('spec.nodeName=n1,status.phase!=Failed');
    t.pod('a');
    t.pod('b', 'n2');
    t.bind('a', 'n1');
    t.setPhase('a', 'Running');
    t.setPhase('b', 'Running');
    t.setPhase('a', 'Failed');
    t.admin.delete(R.pods, 'default', 'a', { gracePeriodSeconds: 0 });
    t.runtime.settle();
    expect(n1).toEqual(['ADDED a', 'MODIFIED a', 'MODIFIED a', 'DELETED a']);
    expect(unassigned).toEqual(['ADDED a', 'DELETED a']);
    expect(both).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });
});
