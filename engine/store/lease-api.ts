import { StoreError, type LeaseGrantResult, type LeaseTimeToLiveResult, type Leases, type ResponseHeader } from './types.ts';
import { ERR } from './errors.ts';
import type { Lessor } from './lease.ts';
import { compareKeys } from './keys.ts';

/**
 * LeaseApi is etcd's Lease service on top of a store: the lease table lives
 * in the Lessor, and revoking a lease deletes its keys in one write of the
 * store (so watchers see one revision with every deletion).
 */
export abstract class LeaseApi implements Leases {
  protected abstract readonly lessor: Lessor;
  abstract header(rev?: number): ResponseHeader;
  /** revoke deletes the lease's keys in one write, forgets the lease and returns the resulting revision. */
  protected abstract revoke(id: number): number;

  /** leaseGrant is LeaseGrant: id 0 asks for a generated ID; the TTL is raised to etcd's minimum. */
  leaseGrant(ttl: number, id = 0): LeaseGrantResult {
    const lease = this.lessor.grant(id, ttl);
    return { header: this.header(), id: lease.id, ttl: lease.ttl };
  }

  /** leaseRevoke is LeaseRevoke: every key attached to the lease is deleted. */
  leaseRevoke(id: number): ResponseHeader {
    if (!this.lessor.lookup(id)) throw new StoreError('lease-not-found', ERR.leaseNotFound);
    return this.header(this.revoke(id));
  }

  /** leaseKeepAlive restarts the lease's TTL; an unknown lease answers TTL 0, as etcd does. */
  leaseKeepAlive(id: number): LeaseGrantResult {
    const lease = this.lessor.lookup(id);
    if (!lease) return { header: this.header(), id, ttl: 0 };
    this.lessor.refresh(lease);
    return { header: this.header(), id, ttl: lease.ttl };
  }

  /** leaseTimeToLive is LeaseTimeToLive; an unknown lease answers TTL -1. */
  leaseTimeToLive(id: number, keys = false): LeaseTimeToLiveResult {
    const lease = this.lessor.lookup(id);
    if (!lease) return { header: this.header(), id, ttl: -1, grantedTtl: 0, keys: [] };
    return {
      header: this.header(),
      id,
      ttl: this.lessor.remaining(lease),
      grantedTtl: lease.ttl,
      keys: keys ? [...lease.keys].sort(compareKeys) : [],
    };
  }

  /** leaseList is LeaseLeases. */
  leaseList(): { header: ResponseHeader; ids: number[] } {
    return { header: this.header(), ids: this.lessor.ids() };
  }

  /** expireLeases revokes every lease whose TTL ran out (by the store's clock) and returns their IDs. */
  expireLeases(): number[] {
    const ids = this.lessor.expired();
    for (const id of ids) this.revoke(id);
    return ids;
  }
}
