import { describe, expect, it } from 'vitest';
import { Registry } from '../../api/registry.ts';
import { Runtime } from '../../base/runtime.ts';
import { MvccStore } from '../../store/mvcc.ts';
import { Storage } from './storage.ts';

describe('Storage.storeFor', () => {
  it('finds resources registered after an earlier lookup missed, and forgets removed ones', () => {
    const registry = new Registry();
    const storage = new Storage(new MvccStore(), new Runtime({ start: 0, seed: 1 }), registry);
    expect(storage.storeFor('example.com', 'widgets')).toBeUndefined();
    const pods = registry.lookup('', 'v1', 'pods')!;
    registry.add({ ...pods, group: 'example.com', version: 'v1', plural: 'widgets', kind: 'Widget', storagePrefix: '/registry/example.com/widgets', shortNames: [], singular: 'widget' });
    expect(storage.storeFor('example.com', 'widgets')?.def.kind).toBe('Widget');
    expect(storage.storeFor('', 'pods')?.def).toBe(pods);
    registry.remove('example.com', 'v1', 'widgets');
    expect(storage.storeFor('example.com', 'widgets')).toBeUndefined();
  });
});
