/**
 * IpPool is host-local IPAM over the node's podCIDR: addresses are handed out
 * in order after the last one given (the bridge keeps .1), wrapping around,
 * so a new pod rarely reuses a just-freed address.
 */
export class IpPool {
  private base = 0;
  private size = 256;
  private used = new Map<string, number>();
  /** taken counts the holders of each address (a restarted kubelet may adopt two pods claiming one) */
  private taken = new Map<number, number>();
  private last = 1;

  constructor(cidr: string) {
    this.setRange(cidr);
  }

  setRange(cidr: string): void {
    const [addr, bits] = cidr.split('/');
    const parts = (addr ?? '').split('.').map(Number);
    if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n))) return;
    const prefix = Number(bits ?? 24);
    this.size = 2 ** (32 - prefix);
    this.base = ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
    this.base -= this.base % this.size;
  }

  private text(n: number): string {
    const v = this.base + n;
    return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
  }

  /** allocate gives uid an address (the same one again while it holds it); undefined when the range is full. */
  allocate(uid: string): string | undefined {
    const held = this.used.get(uid);
    if (held !== undefined) return this.text(held);
    for (let i = 0; i < this.size - 3; i++) {
      const n = ((this.last - 1 + i) % (this.size - 3)) + 2;
      if (this.taken.has(n)) continue;
      this.hold(uid, n);
      this.last = n;
      return this.text(n);
    }
    return undefined;
  }

  /** reserve records an address already in use (a restarted kubelet adopting running pods). */
  reserve(uid: string, ip: string): void {
    const v = ip.split('.').map(Number);
    const n = ((v[0]! << 24) >>> 0) + (v[1]! << 16) + (v[2]! << 8) + v[3]! - this.base;
    if (n > 0 && n < this.size) this.hold(uid, n);
  }

  release(uid: string): void {
    const n = this.used.get(uid);
    if (n === undefined) return;
    this.used.delete(uid);
    const c = (this.taken.get(n) ?? 1) - 1;
    if (c > 0) this.taken.set(n, c);
    else this.taken.delete(n);
  }

  private hold(uid: string, n: number): void {
    this.release(uid);
    this.used.set(uid, n);
    this.taken.set(n, (this.taken.get(n) ?? 0) + 1);
  }
}
