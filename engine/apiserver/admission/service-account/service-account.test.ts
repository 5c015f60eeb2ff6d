import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, pod, request, thrownMessage } from '../testing/fake-view.ts';
import { serviceAccount, tokenVolume } from './service-account.ts';

const plugin = serviceAccount();
const sa = (name: string, extra: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'dev' }, ...extra });

function admit(p: KObject, view: FakeView): KObject {
  const req = request('CREATE', p);
  plugin.admit!(req, view);
  plugin.validate!(req, view);
  return req.object!;
}

describe('ServiceAccount admission', () => {
  it('defaults the account and mounts the projected token in every container and init container', () => {
    const view = new FakeView([sa('default')]);
    const out = admit(pod('p', 'dev', { initContainers: [{ name: 'init', image: 'busybox' }] }), view);
    const spec = out.spec as Record<string, any>;
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    const mount = { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-abcde', readOnly: true };
    expect(spec.containers[0].volumeMounts).toEqual([mount]);
    expect(spec.initContainers[0].volumeMounts).toEqual([mount]);
    expect(spec.volumes).toEqual([
      {
        name: 'kube-api-access-abcde',
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      },
    ]);
  });

  it('refuses a pod whose service account does not exist', () => {
    const view = new FakeView([sa('default')]);
    expect(thrownMessage(() => admit(pod('x', 'dev', { serviceAccountName: 'sa' }), view))).toBe(
      'pods "x" is forbidden: error looking up service account dev/sa: serviceaccount "sa" not found',
    );
  });

  it('honours automountServiceAccountToken on the pod, then on the account', () => {
    const off = new FakeView([sa('quiet', { automountServiceAccountToken: false })]);
    const a = admit(pod('a', 'dev', { serviceAccountName: 'quiet' }), off);
    expect((a.spec as any).volumes).toBeUndefined();
    expect((a.spec as any).containers[0].volumeMounts).toBeUndefined();
    const b = admit(pod('b', 'dev', { serviceAccountName: 'quiet', automountServiceAccountToken: true }), new FakeView([sa('quiet', { automountServiceAccountToken: false })]));
    expect((b.spec as any).volumes).toHaveLength(1);
    const c = admit(pod('c', 'dev', { automountServiceAccountToken: false }), new FakeView([sa('default')]));
    expect((c.spec as any).volumes).toBeUndefined();
  });

  it('keeps a container that already mounts the token path, and copies imagePullSecrets', () => {
    const view = new FakeView([sa('default', { imagePullSecrets: [{ name: 'regcred' }] })]);
    const own = { name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
    const out = admit(pod('p', 'dev', { containers: [{ name: 'a', image: 'x', volumeMounts: [own] }] }), view);
    const spec = out.spec as Record<string, any>;
    expect(spec.containers[0].volumeMounts).toEqual([own]);
    expect(spec.volumes).toBeUndefined();
    expect(spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
  });

  it('leaves mirror pods alone but forbids them tokens', () => {
    const view = new FakeView([]);
    const mirror = pod('etcd-cp', 'kube-system');
    mirror.metadata.annotations = { 'kubernetes.io/config.mirror': 'abc' };
    const out = admit(mirror, view);
    expect((out.spec as any).serviceAccountName).toBeUndefined();
    const bad = structuredClone(mirror);
    (bad.spec as any).volumes = [tokenVolume('kube-api-access-x')];
    expect(thrownMessage(() => admit(bad, view))).toBe('pods "etcd-cp" is forbidden: a mirror pod may not use ServiceAccountToken volume projections');
  });
});
