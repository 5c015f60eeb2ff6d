import { describe, expect, it } from 'vitest';
import type { KObject } from '../api/types.ts';
import { testApiServer } from '../apiserver/testing/harness.ts';
import { ApiClient } from './client.ts';
import { Informer } from './informer.ts';
import { R } from './refs.ts';

const byApp = (o: KObject) => [o.metadata.labels?.app ?? '<none>'];

function setup() {
  const { runtime, server } = testApiServer({ seed: 5 });
  const admin = new ApiClient(() => server, { token: 'admin' });
  admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const cm = (name: string, app?: string) => admin.create(R.configmaps, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: app ? { app } : undefined } });
  const names = (objs: KObject[]) => objs.map((o) => o.metadata.name);
  return { runtime, admin, cm, names };
}

describe('Informer indexes', () => {
  it('files objects listed before and after the index was added, in list order', () => {
    const { runtime, admin, cm, names } = setup();
    cm('c', 'web');
    cm('a', 'db');
    const inf = new Informer(admin, R.configmaps, runtime);
    inf.start();
    runtime.settle();
    inf.addIndex('app', byApp);
    cm('b', 'web');
    cm('d');
    runtime.settle();
    // The first list comes in key order, later objects as they arrive.
    expect(names(inf.list())).toEqual(['a', 'c', 'b', 'd']);
    expect(names(inf.byIndex('app', 'web'))).toEqual(['c', 'b']);
    expect(names(inf.byIndex('app', 'web', 'db'))).toEqual(['a', 'c', 'b']);
    expect(names(inf.byIndex('app', '<none>'))).toEqual(['d']);
    expect(inf.byIndex('app', 'cache')).toEqual([]);
  });

  it('refiles an object whose value changes and forgets deleted objects', () => {
    const { runtime, admin, cm, names } = setup();
    const inf = new Informer(admin, R.configmaps, runtime);
    inf.addIndex('app', byApp);
    inf.start();
    cm('a', 'web');
    cm('b', 'web');
    runtime.settle();
    admin.patch(R.configmaps, 'default', 'a', 'merge', { metadata: { labels: { app: 'db' } } });
    admin.delete(R.configmaps, 'default', 'b');
    runtime.settle();
    expect(names(inf.byIndex('app', 'web'))).toEqual([]);
    expect(names(inf.byIndex('app', 'db'))).toEqual(['a']);
    expect(inf.byIndex('app', 'db')[0]).toBe(inf.get('default', 'a'));
    // Filed back after a later object: still answered in list order.
    cm('c', 'web');
    runtime.settle();
    admin.patch(R.configmaps, 'default', 'a', 'merge', { metadata: { labels: { app: 'web' } } });
    runtime.settle();
    expect(names(inf.list())).toEqual(['a', 'c']);
    expect(names(inf.byIndex('app', 'web'))).toEqual(['a', 'c']);
  });

  it('keeps the first index of a name (shared informers) and refuses unknown ones', () => {
    const { runtime, admin, cm, names } = setup();
    const inf = new Informer(admin, R.configmaps, runtime);
    inf.addIndex('app', byApp);
    inf.addIndex('app', () => ['other']);
    inf.start();
    cm('a', 'web');
    runtime.settle();
    expect(names(inf.byIndex('app', 'web'))).toEqual(['a']);
    expect(() => inf.byIndex('missing', 'x')).toThrow(/no index missing/);
  });
});
