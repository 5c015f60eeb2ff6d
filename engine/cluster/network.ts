import { NetError, type Listener, type Network, type Peer } from '../host/net.ts';

/** RouteHook lets kube-proxy, NetworkPolicy and DNS take part in dials (registered by those components). */
export interface DialHook {
  /**
   * rewrite maps a destination (a Service's cluster IP, a NodePort) to a real
   * endpoint, as kube-proxy's rules on the dialling node do; undefined leaves it.
   */
  rewrite?(from: Peer, address: string, port: number): { address: string; port: number } | 'reject' | undefined;
  /** allow decides NetworkPolicy: false drops the connection (the client times out). */
  allow?(from: Peer, address: string, port: number): boolean;
}

interface Bound {
  host: string;
  listener: Listener;
}

/**
 * SimNetwork is the lab's one network: every host and pod address, every
 * bound port, and the hooks through which kube-proxy (service VIPs),
 * NetworkPolicy and DNS shape what a dial reaches.
 */
export class SimNetwork implements Network {
  private listeners = new Map<string, Bound>();
  /** addresses of each host (and each pod IP, owned by the node that runs the pod) */
  private addrs = new Map<string, string>();
  private names = new Map<string, string>();
  private hooks: DialHook[] = [];
  /** hostsFile returns /etc/hosts of a host, for name resolution (set by the world). */
  hostsFile: (host: string) => string | undefined = () => undefined;
  /** dns answers names not in /etc/hosts for a peer (cluster DNS for pods; set by CoreDNS's wiring). */
  dns: ((name: string, from: Peer) => string | undefined) | undefined;

  /** addAddress assigns an address to a host (a node's IP, or a pod IP on that node). */
  addAddress(host: string, address: string): void {
    this.addrs.set(address, host);
  }

  removeAddress(address: string): void {
    this.addrs.delete(address);
    for (const key of [...this.listeners.keys()]) if (key.startsWith(`${address}:`)) this.listeners.delete(key);
  }

  /** hostOf tells which host owns an address. */
  hostOf(address: string): string | undefined {
    return this.addrs.get(address);
  }

  /** addName registers a name every host can resolve (the lab's own DNS for machine names). */
  addName(name: string, address: string): void {
    this.names.set(name, address);
  }

  addHook(h: DialHook): () => void {
    this.hooks.push(h);
    return () => {
      this.hooks = this.hooks.filter((x) => x !== h);
    };
  }

  resolve(name: string, from: Peer): string | undefined {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
    if (name === 'localhost') return '127.0.0.1';
    const hosts = this.hostsFile(from.host);
    if (hosts) {
      for (const line of hosts.split('\n')) {
        const parts = line.replace(/#.*/, '').trim().split(/\s+/);
        if (parts.length >= 2 && parts.slice(1).includes(name)) return parts[0];
      }
    }
    const dnsAnswer = this.dns?.(name, from);
    if (dnsAnswer) return dnsAnswer;
    return this.names.get(name);
  }

  /**
   * listen binds address:port in the network namespace `host` (a machine's
   * name, or a pod's namespace id): "0.0.0.0" binds every address of that
   * namespace, "127.0.0.1" only its loopback.
   */
  listen(host: string, address: string, port: number, listener: Listener): { close(): void } {
    const key = address === '0.0.0.0' ? `*${host}:${port}` : address === '127.0.0.1' ? `lo:${host}:${port}` : `${address}:${port}`;
    this.listeners.set(key, { host, listener });
    return {
      close: () => {
        if (this.listeners.get(key)?.listener === listener) this.listeners.delete(key);
      },
    };
  }

  /** bindings lists the ports bound in network namespace `host` (for ss): "0.0.0.0" for every address. */
  bindings(host: string): { address: string; port: number; protocol: string }[] {
    const out: { address: string; port: number; protocol: string }[] = [];
    for (const [key, b] of this.listeners) {
      if (b.host !== host) continue;
      const i = key.lastIndexOf(':');
      const address = key.startsWith('*') ? '0.0.0.0' : key.startsWith('lo:') ? '127.0.0.1' : key.slice(0, i);
      out.push({ address, port: Number(key.slice(i + 1)), protocol: b.listener.protocol });
    }
    return out;
  }

  dial(from: Peer, address: string, port: number): Listener {
    let addr = address;
    let p = port;
    for (const h of this.hooks) {
      const r = h.rewrite?.(from, addr, p);
      if (r === 'reject') throw new NetError('ECONNREFUSED', address, port);
      if (r) {
        addr = r.address;
        p = r.port;
        break;
      }
    }
    if (addr === '127.0.0.1' || addr === 'localhost') {
      const local = this.listeners.get(`lo:${from.host}:${p}`) ?? this.listeners.get(`*${from.host}:${p}`);
      if (!local) throw new NetError('ECONNREFUSED', address, port);
      return local.listener;
    }
    const owner = this.addrs.get(addr);
    if (!owner) throw new NetError('ETIMEDOUT', address, port);
    for (const h of this.hooks) if (h.allow && !h.allow(from, addr, p)) throw new NetError('ETIMEDOUT', address, port);
    const bound = this.listeners.get(`${addr}:${p}`) ?? this.listeners.get(`*${owner}:${p}`);
    if (!bound) throw new NetError('ECONNREFUSED', address, port);
    return bound.listener;
  }
}
