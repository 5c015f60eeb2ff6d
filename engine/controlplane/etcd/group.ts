import type { MvccStore } from '../../store/mvcc.ts';
import type { EtcdMember } from './wire.ts';

/**
 * A raft group: the members of one etcd cluster and the keyspace they agree
 * on. Replication is not simulated entry by entry: the members of a group
 * share one store, which is what raft guarantees their clients see. What is
 * modelled is what an operator meets: membership (add, remove, promote,
 * "unstarted" members), a leader elected among the running voting members,
 * and quorum — without a majority of voters running, no request is served.
 *
 * Members find a running group through each other's peer URLs (their peer
 * listeners hand it out), so a member that stops and starts again, or a new
 * member started with --initial-cluster-state=existing, joins the running
 * group; when none answers, a member starts the group from its data directory.
 */

/** GroupMember is a member as the group knows it. */
export interface GroupMember extends EtcdMember {
  /** started is false until the member has run once and published its name and client URLs. */
  started: boolean;
}

/** MembershipError carries etcdserver's error text. */
export class MembershipError extends Error {}

export class RaftGroup {
  readonly running = new Set<string>();
  term: number;
  /** listeners are told when the membership changes (members record it in their WAL). */
  private readonly listeners = new Set<() => void>();
  private leader: string | undefined;

  constructor(
    readonly clusterId: string,
    readonly store: MvccStore,
    readonly members: GroupMember[],
    /** newId gives a new member its ID (etcd hashes its peer URLs with the time). */
    private readonly newId: (peerUrls: string[]) => string,
    term = 2,
  ) {
    this.term = term;
  }

  /** onMembershipChange registers a listener; it answers the function that removes it. */
  onMembershipChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of [...this.listeners]) fn();
  }

  private voters(): GroupMember[] {
    return this.members.filter((m) => !m.isLearner);
  }

  /** hasQuorum tells whether a majority of the voting members runs. */
  hasQuorum(): boolean {
    const voters = this.voters();
    return voters.filter((m) => this.running.has(m.id)).length * 2 > voters.length;
  }

  /** leaderId is the current leader: it stays while it runs; otherwise the running voter with the lowest ID wins a new term. */
  leaderId(): string | undefined {
    if (!this.hasQuorum()) return undefined;
    if (this.leader && this.running.has(this.leader) && this.members.some((m) => m.id === this.leader && !m.isLearner)) return this.leader;
    const next = this.voters()
      .filter((m) => this.running.has(m.id))
      .map((m) => m.id)
      .sort((a, b) => (BigInt(`0x${a}`) < BigInt(`0x${b}`) ? -1 : 1))[0];
    if (next !== this.leader) {
      // A single member re-electing itself after its own restart also starts a term.
      if (this.leader !== undefined || this.term === 0) this.term++;
      this.leader = next;
    }
    return next;
  }

  /** start marks a member running and publishes its name and client URLs. */
  start(id: string, name: string, clientUrls: string[]): void {
    const m = this.members.find((x) => x.id === id);
    if (m) Object.assign(m, { name, clientUrls, started: true });
    this.running.add(id);
    this.leaderId();
    this.changed();
  }

  stop(id: string): void {
    this.running.delete(id);
    this.leaderId();
  }

  /**
   * add is MemberAdd with etcd's --strict-reconfig-check: a new voter needs a
   * quorum of started members after it joins (a second member of a single one
   * excepted), every voter must be connected, and peer URLs are unique.
   */
  add(peerUrls: string[], isLearner: boolean): GroupMember {
    if (!isLearner) {
      const voters = this.voters();
      const started = voters.filter((m) => m.started).length;
      const n = voters.length + 1;
      if (!(started === 1 && n === 2) && started < Math.floor(n / 2) + 1) throw new MembershipError('etcdserver: re-configuration failed due to not enough started members');
    }
    if (this.voters().some((m) => !this.running.has(m.id))) throw new MembershipError('etcdserver: unhealthy cluster');
    if (this.members.some((m) => m.peerUrls.some((u) => peerUrls.includes(u)))) throw new MembershipError('etcdserver: Peer URLs already exists');
    const m: GroupMember = { id: this.newId(peerUrls), name: '', peerUrls, clientUrls: [], isLearner, started: false };
    this.members.push(m);
    this.changed();
    return m;
  }

  /** remove is MemberRemove: the voters left must keep a quorum of started and of connected members. */
  remove(id: string): void {
    const others = this.voters().filter((m) => m.id !== id);
    const quorum = Math.floor(others.length / 2) + 1;
    if (others.filter((m) => m.started).length < quorum) throw new MembershipError('etcdserver: re-configuration failed due to not enough started members');
    const target = this.members.find((m) => m.id === id);
    if (target && this.running.has(id) && others.filter((m) => this.running.has(m.id)).length < quorum) throw new MembershipError('etcdserver: unhealthy cluster');
    if (!target) throw new MembershipError('etcdserver: member not found');
    this.members.splice(this.members.indexOf(target), 1);
    this.running.delete(id);
    this.leaderId();
    this.changed();
  }

  promote(id: string): void {
    const m = this.members.find((x) => x.id === id);
    if (!m) throw new MembershipError('etcdserver: member not found');
    if (!m.isLearner) throw new MembershipError('etcdserver: can only promote a learner member');
    if (!this.running.has(id)) throw new MembershipError('etcdserver: can only promote a learner member which is in sync with leader');
    m.isLearner = false;
    this.changed();
  }

  /** sortedMembers lists the members by ID, the order etcd answers them in. */
  sortedMembers(): GroupMember[] {
    return [...this.members].sort((a, b) => (BigInt(`0x${a.id}`) < BigInt(`0x${b.id}`) ? -1 : 1));
  }

  /** snapshotMembers is the membership as a data directory records it. */
  snapshotMembers(): GroupMember[] {
    return this.members.map((m) => ({ ...m, peerUrls: [...m.peerUrls], clientUrls: [...m.clientUrls] }));
  }
}

/** ETCD_PEER_PROTOCOL is what a member's peer listener speaks: its handler is the member's RaftGroup. */
export const ETCD_PEER_PROTOCOL = 'etcd-peer';
