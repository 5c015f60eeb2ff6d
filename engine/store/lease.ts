import { StoreError } from './types.ts';
import { ERR } from './errors.ts';
import { compareKeys } from './keys.ts';

/** MIN_LEASE_TTL is etcd's minimum TTL with the default 1 s election timeout (1.5 × election timeout, rounded up). */
export const MIN_LEASE_TTL = 2;
/** MAX_LEASE_TTL is lease.MaxLeaseTTL. */
export const MAX_LEASE_TTL = 9_000_000_000;

/** Lease is one granted lease and the keys attached to it. */
export interface Lease {
  readonly id: number;
  /** ttl is the TTL in force (the granted TTL raised to the minimum). */
  readonly ttl: number;
  readonly keys: Set<string>;
  /** expiresAt is the clock time the lease runs out, or null when the store has no clock. */
  expiresAt: number | null;
}

/**
 * Lessor keeps etcd's lease table: which leases exist, their TTLs and which
 * keys each holds. Deleting a revoked lease's keys is the store's job, since
 * that is a write with its own revision.
 */
export class Lessor {
  private leases = new Map<number, Lease>();
  private seq = 0;

  constructor(
    private readonly now: (() => number) | undefined,
    /** idPrefix puts the member's low 16 bits in front of generated IDs, as etcd's ID generator does. */
    private readonly idPrefix: number,
  ) {}

  /** lookup returns a lease, or undefined. */
  lookup(id: number): Lease | undefined {
    return this.leases.get(id);
  }

  /** ids returns every lease ID in ascending order. */
  ids(): number[] {
    return [...this.leases.keys()].sort((a, b) => a - b);
  }

  /** grant creates a lease; id 0 asks for a generated one. */
  grant(id: number, ttl: number): Lease {
    if (ttl > MAX_LEASE_TTL) throw new StoreError('invalid-argument', ERR.leaseTTLTooLarge);
    if (id === 0) id = this.nextId();
    if (this.leases.has(id)) throw new StoreError('lease-exists', ERR.leaseExists);
    const lease: Lease = { id, ttl: Math.max(ttl, MIN_LEASE_TTL), keys: new Set(), expiresAt: null };
    this.refresh(lease);
    this.leases.set(id, lease);
    return lease;
  }

  /** restore puts back a lease read from a snapshot, with a full TTL as etcd does on recovery. */
  restore(id: number, ttl: number): void {
    const lease: Lease = { id, ttl, keys: new Set(), expiresAt: null };
    this.refresh(lease);
    this.leases.set(id, lease);
  }

  /** refresh restarts a lease's TTL (keep-alive). */
  refresh(lease: Lease): void {
    lease.expiresAt = this.now ? this.now() + lease.ttl * 1000 : null;
  }

  /** remaining returns a lease's remaining TTL in whole seconds, as etcd reports it. */
  remaining(lease: Lease): number {
    if (lease.expiresAt === null || !this.now) return lease.ttl;
    return Math.max(0, Math.floor((lease.expiresAt - this.now()) / 1000));
  }

  /** expired returns the IDs of leases whose time is up, in ascending order. */
  expired(): number[] {
    if (!this.now) return [];
    const t = this.now();
    return this.ids().filter((id) => {
      const at = this.leases.get(id)!.expiresAt;
      return at !== null && at <= t;
    });
  }

  /** remove forgets a lease and returns its keys in key order (the order etcd deletes them in). */
  remove(id: number): string[] {
    const lease = this.leases.get(id);
    if (!lease) return [];
    this.leases.delete(id);
    return [...lease.keys].sort(compareKeys);
  }

  /** attach records that key now belongs to lease id (a no-op for 0 or an unknown lease). */
  attach(id: number, key: string): void {
    if (id !== 0) this.leases.get(id)?.keys.add(key);
  }

  /** detach records that key no longer belongs to lease id. */
  detach(id: number, key: string): void {
    if (id !== 0) this.leases.get(id)?.keys.delete(key);
  }

  /** all returns every lease (for snapshots), in ID order. */
  all(): Lease[] {
    return this.ids().map((id) => this.leases.get(id)!);
  }

  private nextId(): number {
    let id: number;
    do id = this.idPrefix * 2 ** 36 + ++this.seq;
    while (this.leases.has(id));
    return id;
  }
}
