import { describe, expect, it } from 'vitest';
import { NetError } from '../host/net.ts';
import { SimNetwork } from './network.ts';

const api = { protocol: 'kube-api', handler: {} };
const from = (host: string, ip: string) => ({ host, ip });

describe('SimNetwork', () => {
  it('routes dials to bound listeners, refusing unbound ports and timing out on unknown addresses', () => {
    const n = new SimNetwork();
    n.addAddress('controlplane', '192.168.1.10');
    n.listen('controlplane', '0.0.0.0', 6443, api);
    expect(n.dial(from('terminal', '192.168.1.2'), '192.168.1.10', 6443)).toBe(api);
    expect(() => n.dial(from('terminal', '192.168.1.2'), '192.168.1.10', 6444)).toThrow(NetError);
    try {
      n.dial(from('terminal', '192.168.1.2'), '10.9.9.9', 6443);
    } catch (e) {
      expect((e as NetError).code).toBe('ETIMEDOUT');
    }
  });

  it('keeps loopback listeners private to their host', () => {
    const n = new SimNetwork();
    n.addAddress('controlplane', '192.168.1.10');
    n.listen('controlplane', '127.0.0.1', 2379, api);
    expect(n.dial(from('controlplane', '192.168.1.10'), '127.0.0.1', 2379)).toBe(api);
    expect(() => n.dial(from('node01', '192.168.1.11'), '127.0.0.1', 2379)).toThrow(NetError);
    expect(() => n.dial(from('node01', '192.168.1.11'), '192.168.1.10', 2379)).toThrow(NetError);
  });

  it('resolves names from /etc/hosts first, then the lab names', () => {
    const n = new SimNetwork();
    n.addName('controlplane', '192.168.1.10');
    n.hostsFile = () => '127.0.0.1 localhost\n10.0.0.5 special\n';
    expect(n.resolve('special', from('terminal', '1.1.1.1'))).toBe('10.0.0.5');
    expect(n.resolve('controlplane', from('terminal', '1.1.1.1'))).toBe('192.168.1.10');
    expect(n.resolve('nope', from('terminal', '1.1.1.1'))).toBeUndefined();
  });
});
