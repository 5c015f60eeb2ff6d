import { describe, expect, it } from 'vitest';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { R } from '../../client/refs.ts';
import { curl } from '../../tools/net/curl.ts';
import { startKubeProxy } from '../kube-proxy/proxy.ts';
import { netLab } from '../testing/lab.ts';
import { startIngressNginx } from './controller.ts';
import { CONTROLLER_SELECTOR } from './install.ts';

describe('ingress-nginx running as pods', () => {
  it('serves through its NodePort Service only while a controller pod runs, and publishes the pod node in Ingress status', async () => {
    const lab = netLab();
    for (const n of lab.nodes) startKubeProxy({ runtime: lab.runtime, client: lab.admin, net: lab.net, nodeName: n.name });
    startIngressNginx({ runtime: lab.runtime, client: lab.admin, net: lab.net, pods: { namespace: 'ingress-nginx', labels: CONTROLLER_SELECTOR } });
    lab.admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ingress-nginx' } });
    lab.admin.create(R.ingressclasses, undefined, { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
    lab.admin.create(R.services, 'ingress-nginx', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ingress-nginx-controller' },
      spec: { type: 'NodePort', selector: CONTROLLER_SELECTOR, ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] },
    });
    lab.addPod({ name: 'web-1', labels: { app: 'web' } });
    lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    lab.admin.create(R.ingresses, 'default', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } });
    lab.syncSlices();
    lab.runtime.settle();
    const get = () => lab.run(curl, ['curl', '-sS', 'http://192.168.1.11:30080/shop'], 'controlplane');
    // no controller pod: the NodePort has no endpoints and kube-proxy refuses
    expect((await get()).stderr).toBe('curl: (7) Failed to connect to 192.168.1.11 port 30080 after 0 ms: Connection refused\n');
    lab.addPod({ namespace: 'ingress-nginx', name: 'ingress-nginx-controller-abc', node: 'controlplane', labels: CONTROLLER_SELECTOR, ports: [{ name: 'http', containerPort: 80 }] });
    lab.syncSlices();
    lab.runtime.settle();
    expect((await get()).stdout).toBe('hello from web-1 /shop\n');
    const pod = lab.admin.get(R.pods, 'ingress-nginx', 'ingress-nginx-controller-abc') as unknown as { status: { podIP: string } };
    expect((await lab.run(curl, ['curl', '-s', `http://${pod.status.podIP}:10254/healthz`], 'controlplane')).stdout).toBe('ok');
    // the status sync runs once a minute
    const address = () => (lab.admin.get(R.ingresses, 'default', 'web') as unknown as Ingress).status?.loadBalancer?.ingress;
    expect(address()).toBeUndefined();
    lab.runtime.advance(60_000);
    expect(address()).toEqual([{ ip: '192.168.1.10' }]);
  });
});
