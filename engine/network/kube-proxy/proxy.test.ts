import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { curl } from '../../tools/net/curl.ts';
import { netLab } from '../testing/lab.ts';
import { startKubeProxy } from './proxy.ts';
import { startLoadBalancer } from './lb.ts';

function setup() {
  const lab = netLab();
  const proxies = lab.nodes.map((n) => startKubeProxy({ runtime: lab.runtime, client: lab.admin, net: lab.net, nodeName: n.name }));
  lab.runtime.settle();
  return { lab, proxies };
}

function service(name: string, selector: Record<string, string> | undefined, extra: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector, ports: [{ port: 80, targetPort: 80 }], ...extra } };
}

describe('kube-proxy', () => {
  it('routes a ClusterIP to a ready endpoint', async () => {
    const { lab } = setup();
    lab.addPod({ name: 'web-1', labels: { app: 'web' } });
    const svc = lab.admin.create(R.services, 'default', service('web', { app: 'web' }));
    lab.syncSlices();
    const ip = (svc as unknown as { spec: { clusterIP: string } }).spec.clusterIP;
    const r = await lab.run(curl, ['curl', '-s', `http://${ip}/x`]);
    expect(r).toMatchObject({ code: 0, stdout: 'hello from web-1 /x\n' });
  });

  it('refuses a service without endpoints (curl 7)', async () => {
    const { lab } = setup();
    const svc = lab.admin.create(R.services, 'default', service('empty', { app: 'none' }));
    lab.syncSlices();
    const ip = (svc as unknown as { spec: { clusterIP: string } }).spec.clusterIP;
    const r = await lab.run(curl, ['curl', '-sS', `http://${ip}`]);
    expect(r.code).toBe(7);
    expect(r.stderr).toBe(`curl: (7) Failed to connect to ${ip} port 80 after 0 ms: Connection refused\n`);
  });

  it('serves NodePorts on every node address, from outside the node too', async () => {
    const { lab } = setup();
    lab.addPod({ name: 'web-1', labels: { app: 'web' }, node: 'controlplane' });
    const svc = lab.admin.create(R.services, 'default', service('web', { app: 'web' }, { type: 'NodePort' })) as unknown as { spec: { ports: { nodePort: number }[] } };
    lab.syncSlices();
    const np = svc.spec.ports[0]!.nodePort;
    for (const ip of ['192.168.1.10', '192.168.1.11']) {
      const r = await lab.run(curl, ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${ip}:${np}/`], 'node01');
      expect(r.stdout).toBe('200');
    }
  });

  it('keeps a client on one endpoint with sessionAffinity ClientIP and spreads without it', async () => {
    const { lab } = setup();
    for (const n of ['a', 'b', 'c']) lab.addPod({ name: `web-${n}`, labels: { app: 'web' } });
    const sticky = lab.admin.create(R.services, 'default', service('sticky', { app: 'web' }, { sessionAffinity: 'ClientIP' })) as unknown as { spec: { clusterIP: string } };
    const spread = lab.admin.create(R.services, 'default', service('spread', { app: 'web' })) as unknown as { spec: { clusterIP: string } };
    lab.syncSlices();
    const seen = async (ip: string) => {
      const s = new Set<string>();
      for (let i = 0; i < 12; i++) s.add((await lab.run(curl, ['curl', '-s', `http://${ip}/`])).stdout);
      return s.size;
    };
    expect(await seen(sticky.spec.clusterIP)).toBe(1);
    expect(await seen(spread.spec.clusterIP)).toBeGreaterThan(1);
  });

  it('does not route cluster IPs for machines that run no kube-proxy', async () => {
    const lab = netLab();
    startKubeProxy({ runtime: lab.runtime, client: lab.admin, net: lab.net, nodeName: 'controlplane' });
    lab.addPod({ name: 'web-1', labels: { app: 'web' } });
    const svc = lab.admin.create(R.services, 'default', service('web', { app: 'web' })) as unknown as { spec: { clusterIP: string } };
    lab.syncSlices();
    const r = await lab.run(curl, ['curl', '-sS', '-m', '3', `http://${svc.spec.clusterIP}/`], 'node01');
    expect(r.code).toBe(28);
    expect(r.stderr).toBe('curl: (28) Connection timed out after 3001 milliseconds\n');
  });
});

describe('LoadBalancer Services', () => {
  it('get an external IP from the pool, reachable from machines without kube-proxy', async () => {
    const lab = netLab();
    startKubeProxy({ runtime: lab.runtime, client: lab.admin, net: lab.net, nodeName: 'controlplane' });
    startLoadBalancer({ runtime: lab.runtime, client: lab.admin, first: '192.168.1.200', last: '192.168.1.201' });
    lab.addPod({ name: 'web-1', labels: { app: 'web' } });
    lab.admin.create(R.services, 'default', service('web', { app: 'web' }, { type: 'LoadBalancer' }));
    lab.syncSlices();
    lab.runtime.settle();
    const got = lab.admin.get(R.services, 'default', 'web') as unknown as { status: { loadBalancer: { ingress: { ip: string }[] } }; spec: { ports: { nodePort: number }[] } };
    expect(got.status.loadBalancer.ingress[0]!.ip).toBe('192.168.1.200');
    expect(got.spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect((await lab.run(curl, ['curl', '-s', 'http://192.168.1.200/'], 'node01')).stdout).toBe('hello from web-1 /\n');
  });
});
