import { describe, expect, it } from 'vitest';
import { SimClock } from '../base/clock.ts';
import { MvccStore } from './mvcc.ts';
import { StoreError, type WatchResponse } from './types.ts';

function errorOf(f: () => unknown): StoreError {
  try {
    f();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
}

describe('leases', () => {
  it('grants with etcd minimum TTL, refuses duplicates and huge TTLs', () => {
    const s = new MvccStore();
    expect(s.leaseGrant(1, 7)).toMatchObject({ id: 7, ttl: 2 });
    expect(s.leaseGrant(60, 8).ttl).toBe(60);
    expect(errorOf(() => s.leaseGrant(60, 7))).toMatchObject({ code: 'lease-exists', message: 'etcdserver: lease already exists' });
    expect(errorOf(() => s.leaseGrant(9_000_000_001, 9)).message).toBe('etcdserver: too large lease TTL');
    expect(s.leaseList().ids).toEqual([7, 8]);
  });

  it('generates distinct IDs that start with the member ID, as etcd does', () => {
    const s = new MvccStore({ memberId: String(0x8e9e05c52164694dn) });
    const a = s.leaseGrant(60).id;
    const b = s.leaseGrant(60).id;
    expect(a).not.toBe(b);
    expect(Math.floor(a / 2 ** 36)).toBe(0x694d);
    expect(Number.isSafeInteger(a)).toBe(true);
    expect(Math.floor(new MvccStore({ memberId: '8e9e05c52164694d' }).leaseGrant(60).id / 2 ** 36)).toBe(0x694d);
    expect(new MvccStore({ memberId: 'member-1' }).leaseGrant(60).id).toBe(1);
  });

  it('deletes every attached key in one revision on revoke', () => {
    const s = new MvccStore();
    s.leaseGrant(60, 1);
    s.put('b', '1', { lease: 1 });
    s.put('a', '1', { lease: 1 });
    s.put('c', '1', { lease: 1 });
    s.put('c', '2');
    expect(s.leaseTimeToLive(1, true)).toMatchObject({ id: 1, ttl: 60, grantedTtl: 60, keys: ['a', 'b'] });
    const got: WatchResponse[] = [];
    s.watch('', { prefix: true }, (r) => void got.push(r));
    expect(s.leaseRevoke(1).revision).toBe(6);
    expect(got.map((r) => r.events.map((e) => [e.type, e.kv.key, e.kv.modRevision]))).toEqual([[['DELETE', 'a', 6], ['DELETE', 'b', 6]]]);
    expect(s.range('', { prefix: true }).kvs.map((kv) => kv.key)).toEqual(['c']);
    expect(errorOf(() => s.leaseRevoke(1))).toMatchObject({ code: 'lease-not-found', message: 'etcdserver: requested lease not found' });
    expect(s.leaseTimeToLive(1)).toMatchObject({ ttl: -1, grantedTtl: 0, keys: [] });
    expect(s.leaseKeepAlive(1).ttl).toBe(0);
    s.leaseGrant(60, 2);
    expect(s.leaseRevoke(2).revision).toBe(6);
  });

  it('detaches a key when it is deleted or put again without the lease', () => {
    const s = new MvccStore();
    s.leaseGrant(60, 1);
    s.put('a', '1', { lease: 1 });
    s.put('b', '1', { lease: 1 });
    s.deleteRange('a');
    s.put('b', '2');
    expect(s.leaseTimeToLive(1, true).keys).toEqual([]);
    expect(s.range('b').kvs[0]!.lease).toBe(0);
  });

  it('runs out by the clock, and keep-alive restarts the TTL', () => {
    const clock = new SimClock(1_000_000);
    const s = new MvccStore({ clock });
    s.leaseGrant(10, 1);
    s.leaseGrant(30, 2);
    s.put('a', '1', { lease: 1 });
    clock.set(1_004_500);
    expect(s.leaseTimeToLive(1).ttl).toBe(5);
    expect(s.expireLeases()).toEqual([]);
    s.leaseKeepAlive(2);
    clock.set(1_010_000);
    expect(s.expireLeases()).toEqual([1]);
    expect(s.range('a').kvs).toEqual([]);
    clock.set(1_034_400);
    expect(s.expireLeases()).toEqual([]);
    clock.set(1_034_500);
    expect(s.expireLeases()).toEqual([2]);
    expect(s.leaseList().ids).toEqual([]);
  });
});
