import { parseTime, rfc3339Micro } from '../../base/clock.ts';
import { isStatusError } from '../../base/errors.ts';
import type { Runtime, Timer } from '../../base/runtime.ts';
import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import type { LeaderElectionConfig } from '../config/types.ts';

/** LeaderCallbacks are told when this instance starts and stops leading. */
export interface LeaderCallbacks {
  onStartedLeading(): void;
  onStoppedLeading(): void;
  onNewLeader?(identity: string): void;
}

interface Record {
  holderIdentity: string;
  leaseDurationSeconds: number;
  acquireTime: string;
  renewTime: string;
  leaseTransitions: number;
}

/**
 * LeaderElector is client-go's leaderelection with a Lease lock: try to
 * acquire every retryPeriod (with jitter), renew every retryPeriod while
 * leading, and give up leading when renewing has failed for renewDeadline.
 * A lease is free once it has not changed for leaseDuration as observed
 * locally. Stopping does not release the lease (the scheduler does not set
 * ReleaseOnCancel), so a restarted scheduler waits for it to expire.
 */
export class LeaderElector {
  private observed: Record | undefined;
  private observedRaw = '';
  private observedTime = 0;
  private lease: KObject | undefined;
  private leading = false;
  private lastRenew = 0;
  private timer: Timer | undefined;
  private stopped = false;

  constructor(
    private readonly runtime: Runtime,
    private readonly client: ApiClient,
    private readonly cfg: LeaderElectionConfig,
    readonly identity: string,
    private readonly cb: LeaderCallbacks,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  /** start makes the first attempt now. */
  start(): void {
    this.stopped = false;
    this.acquireTick();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    if (this.leading) {
      this.leading = false;
      this.cb.onStoppedLeading();
    }
  }

  private acquireTick(): void {
    if (this.stopped) return;
    if (this.tryAcquireOrRenew()) {
      this.leading = true;
      this.lastRenew = this.runtime.now;
      this.cb.onStartedLeading();
      this.timer = this.runtime.after(this.cfg.retryPeriodMs, () => this.renewTick(), 'leader-election renew');
      return;
    }
    const jitter = this.runtime.rand.float() * 1.2 * this.cfg.retryPeriodMs;
    this.timer = this.runtime.after(this.cfg.retryPeriodMs + jitter, () => this.acquireTick(), 'leader-election acquire');
  }

  private renewTick(): void {
    if (this.stopped || !this.leading) return;
    if (this.tryAcquireOrRenew()) this.lastRenew = this.runtime.now;
    else if (this.runtime.now - this.lastRenew >= this.cfg.renewDeadlineMs) {
      this.leading = false;
      this.cb.onStoppedLeading();
      return;
    }
    this.timer = this.runtime.after(this.cfg.retryPeriodMs, () => this.renewTick(), 'leader-election renew');
  }

  private isLeaseValid(now: number): boolean {
    return !!this.observed && this.observedTime + this.observed.leaseDurationSeconds * 1000 > now;
  }

  private isHolder(): boolean {
    return this.observed?.holderIdentity === this.identity;
  }

  private setObserved(r: Record, raw: string): void {
    if (raw !== this.observedRaw) {
      const prev = this.observed?.holderIdentity;
      this.observed = r;
      this.observedRaw = raw;
      this.observedTime = this.runtime.now;
      if (prev !== r.holderIdentity && r.holderIdentity) this.cb.onNewLeader?.(r.holderIdentity);
    }
  }

  private write(rec: Record, create: boolean): boolean {
    const ns = this.cfg.resourceNamespace;
    try {
      const obj = create
        ? { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: this.cfg.resourceName, namespace: ns }, spec: rec }
        : { ...this.lease!, spec: rec };
      this.lease = create ? this.client.create(R.leases, ns, obj) : this.client.update(R.leases, obj as KObject);
      this.setObserved(rec, JSON.stringify(rec));
      return true;
    } catch {
      return false;
    }
  }

  /** tryAcquireOrRenew is LeaderElector.tryAcquireOrRenew. */
  private tryAcquireOrRenew(): boolean {
    const now = this.runtime.now;
    const t = rfc3339Micro(now);
    const rec: Record = { holderIdentity: this.identity, leaseDurationSeconds: Math.trunc(this.cfg.leaseDurationMs / 1000), acquireTime: t, renewTime: t, leaseTransitions: 0 };
    if (this.isHolder() && this.isLeaseValid(now) && this.lease) {
      rec.acquireTime = this.observed!.acquireTime;
      rec.leaseTransitions = this.observed!.leaseTransitions;
      if (this.write(rec, false)) return true;
    }
    let current: KObject;
    try {
      current = this.client.get(R.leases, this.cfg.resourceNamespace, this.cfg.resourceName);
    } catch (e) {
      if (isStatusError(e) && e.status.code === 404) return this.write(rec, true);
      return false;
    }
    this.lease = current;
    const spec = (current.spec ?? {}) as Partial<Record>;
    const old: Record = {
      holderIdentity: spec.holderIdentity ?? '',
      leaseDurationSeconds: spec.leaseDurationSeconds ?? 0,
      acquireTime: spec.acquireTime ?? '',
      renewTime: spec.renewTime ?? '',
      leaseTransitions: spec.leaseTransitions ?? 0,
    };
    this.setObserved(old, JSON.stringify(old));
    if (old.holderIdentity && this.isLeaseValid(now) && !this.isHolder()) return false;
    if (this.isHolder()) {
      rec.acquireTime = old.acquireTime;
      rec.leaseTransitions = old.leaseTransitions;
    } else rec.leaseTransitions = old.leaseTransitions + 1;
    return this.write(rec, false);
  }
}

/** leaseRenewAge tells how long ago a Lease was renewed (for tests and the UI). */
export function leaseRenewAge(lease: KObject, now: number): number | undefined {
  const t = parseTime((lease.spec as { renewTime?: string } | undefined)?.renewTime);
  return t === undefined ? undefined : now - t;
}
