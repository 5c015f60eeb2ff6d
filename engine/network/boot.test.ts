import { describe, expect, it } from 'vitest';
import { bootLab } from '../cluster/boot/boot-lab.ts';
import { DEFAULT_LAB, parseLabDefinition } from '../cluster/lab-definition.ts';
import { refOf } from '../client/client.ts';
import { R } from '../client/refs.ts';
import type { HttpRequest } from '../host/net.ts';
import { TestTerminal, type TestLab } from '../shell/testing/lab.ts';

function terminalLab() {
  // the default lab, with the Gateway API add-on as a lab definition would list it
  const lab = bootLab({ def: parseLabDefinition(DEFAULT_LAB.replace('      nodePort: 30080\n', '      nodePort: 30080\n    - name: nginx-gateway-fabric\n')) });
  const w = lab.world;
  const t: TestLab = { runtime: w.runtime, hosts: w.hosts, world: { runtime: w.runtime, net: w.net, editor: w.editor, host: (n) => w.host(n), machines: () => w.machines() }, host: (n) => w.mustHost(n) };
  return { lab, t, cluster: lab.clusters[0]! };
}

describe('network components at boot', () => {
  it('start with the cluster and serve Services, DNS, the apiserver VIP and the ingress NodePort to a shell', async () => {
    const { lab, t, cluster: c } = terminalLab();
    // CoreDNS answers once its pods (kubeadm's coredns Deployment) are Ready.
    for (let i = 0; i < 30; i++) {
      lab.world.runtime.advance(1000);
      await new Promise<void>((r) => setImmediate(r));
    }
    expect(c.components.map((x) => x.name)).toEqual(expect.arrayContaining(['kube-proxy/controlplane', 'kube-proxy/node01', 'coredns', 'calico-policy', 'ingress-nginx-controller']));
    // a selector-less Service whose endpoint is a server on node01
    lab.world.net.listen('node01', '0.0.0.0', 8080, { protocol: 'http', handler: { handle: (req: HttpRequest) => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: `node01 answered ${req.path}\n` }) } });
    const svc = c.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'backend' }, spec: { ports: [{ port: 80, targetPort: 8080 }] } }) as unknown as { spec: { clusterIP: string } };
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    c.admin.create(R.endpointslices, 'default', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'backend-1', labels: { 'kubernetes.io/service-name': 'backend' } }, addressType: 'IPv4', endpoints: [{ addresses: ['192.168.100.11'], conditions: { ready: true } }], ports: [{ port: 8080, protocol: 'TCP', name: '' }] });
    lab.world.runtime.settle();
    const term = await TestTerminal.open(t, { host: 'controlplane', user: 'candidate' });
    expect((await term.run(`curl -s http://${svc.spec.clusterIP}/hi`)).stdout).toBe('node01 answered /hi\n');
    const version = await term.run('curl -sk https://10.96.0.1/version');
    expect(JSON.parse(version.stdout)).toMatchObject({ major: '1', gitVersion: expect.stringMatching(/^v1\.34\./) });
    expect((await term.run("curl -s -o /dev/null -w '%{http_code}\\n' http://node01:30080/")).stdout).toBe('404\n');
    const dns = await term.run('nslookup kubernetes.default.svc.cluster.local 10.96.0.10');
    expect(dns.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n');
    expect((await term.run('dig +short backend.default.svc.cluster.local @10.96.0.10')).stdout).toBe(`${svc.spec.clusterIP}\n`);
    // the Gateway API add-on: a Gateway of class nginx gets an address and routes an HTTPRoute
    c.admin.create(refOf('gateway.networking.k8s.io/v1', 'gateways', true), 'default', { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw' }, spec: { gatewayClassName: 'nginx', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } });
    c.admin.create(refOf('gateway.networking.k8s.io/v1', 'httproutes', true), 'default', { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'backend', port: 80 }] }] } });
    lab.world.runtime.settle();
    expect((await term.run('curl -s http://192.168.100.240/gw')).stdout).toBe('node01 answered /gw\n');
  });
});
