import { describe, expect, it } from 'vitest';
import { FakeView, ns, pod, request, thrownMessage } from '../testing/fake-view.ts';
import { namespaceLifecycle } from './namespace-lifecycle.ts';

const plugin = namespaceLifecycle();

describe('NamespaceLifecycle', () => {
  it('answers 404 for a namespace that does not exist', () => {
    const view = new FakeView([ns('default')]);
    let err: unknown;
    try {
      plugin.admit!(request('CREATE', pod('p', 'nope')), view);
    } catch (e) {
      err = e;
    }
    expect((err as { status: { code: number; message: string } }).status).toMatchObject({ code: 404, reason: 'NotFound', message: 'namespaces "nope" not found' });
  });

  it('refuses new content in a terminating namespace, with the NamespaceTerminating cause', () => {
    const view = new FakeView([ns('going', undefined, 'Terminating')]);
    let err: { status: { code: number; message: string; details: { causes: unknown[] } } } | undefined;
    try {
      plugin.admit!(request('CREATE', pod('p', 'going')), view);
    } catch (e) {
      err = e as typeof err;
    }
    expect(err!.status.code).toBe(403);
    expect(err!.status.message).toBe('pods "p" is forbidden: unable to create new content in namespace going because it is being terminated');
    expect(err!.status.details.causes).toEqual([{ reason: 'NamespaceTerminating', message: 'namespace going is being terminated', field: 'metadata.namespace' }]);
  });

  it('uses generateName when the object has no name yet', () => {
    const view = new FakeView([ns('going', undefined, 'Terminating')]);
    const p = pod('', 'going');
    p.metadata = { generateName: 'web-7d4b9c6f5-', namespace: 'going' };
    expect(thrownMessage(() => plugin.admit!(request('CREATE', p), view))).toBe(
      'pods "web-7d4b9c6f5-" is forbidden: unable to create new content in namespace going because it is being terminated',
    );
  });

  it('still allows updates and deletes in a terminating namespace', () => {
    const view = new FakeView([ns('going', undefined, 'Terminating')]);
    expect(thrownMessage(() => plugin.admit!(request('UPDATE', pod('p', 'going'), { old: pod('p', 'going') }), view))).toBe('');
    expect(thrownMessage(() => plugin.validate!(request('DELETE', undefined, { old: pod('p', 'going') }), view))).toBe('');
  });

  it('protects default, kube-system and kube-public from deletion', () => {
    const view = new FakeView([ns('default'), ns('kube-system'), ns('kube-public'), ns('team')]);
    for (const name of ['default', 'kube-system', 'kube-public']) {
      expect(thrownMessage(() => plugin.validate!(request('DELETE', undefined, { old: ns(name) }), view))).toBe(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
    }
    expect(thrownMessage(() => plugin.validate!(request('DELETE', undefined, { old: ns('team') }), view))).toBe('');
  });

  it('ignores cluster-scoped objects', () => {
    const view = new FakeView([]);
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } };
    expect(thrownMessage(() => plugin.admit!(request('CREATE', node), view))).toBe('');
  });
});
