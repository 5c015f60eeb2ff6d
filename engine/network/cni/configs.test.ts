import { describe, expect, it } from 'vitest';
import { Host } from '../../host/host.ts';
import { SimClock } from '../../base/clock.ts';
import { writeCniConfig } from './configs.ts';

describe('writeCniConfig', () => {
  it("leaves flanneld's lease of the node's own share of the cluster's pod network", () => {
    const host = new Host({ name: 'node02', ip: '192.168.100.12', clock: new SimClock(0) });
    writeCniConfig(host.fs, 'flannel', 'node02', { network: '10.50.0.0/16', subnet: '10.50.2.0/24' });
    expect(host.fs.readFile('/run/flannel/subnet.env')).toBe('FLANNEL_NETWORK=10.50.0.0/16\nFLANNEL_SUBNET=10.50.2.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n');
    expect(host.fs.exists('/etc/cni/net.d/10-flannel.conflist')).toBe(true);
  });
});
