import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';

describe('kubectl describe of EndpointSlices and IngressClasses', () => {
  it('prints the address type, ports and each endpoint with its conditions, as EndpointSliceDescriber does', async () => {
    const k = clusterHarness();
    k.create('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices', {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-abcde', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.244.1.5'], conditions: { ready: true }, nodeName: 'node01', targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default' } },
        { addresses: ['10.244.2.7'], conditions: {} },
      ],
    });
    k.create('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'empty' }, addressType: 'IPv4' });
    const r = await k.run(['describe', 'endpointslice', 'web-abcde']);
    expect(r.stdout).toBe(
      [
        'Name:         web-abcde',
        'Namespace:    default',
        'Labels:       kubernetes.io/service-name=web',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  80    TCP',
        'Endpoints:',
        '  - Addresses:  10.244.1.5',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-1',
        '    NodeName:   node01',
        '    Zone:       <unset>',
        '  - Addresses:  10.244.2.7',
        '    Conditions:',
        '      Ready:   <unset>',
        '    Hostname:  <unset>',
        '    NodeName:  <unset>',
        '    Zone:      <unset>',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
    // a line without a tab ends a column block (tabwriter), so what follows "Conditions:" or "Ports: <unset>" aligns on its own
    expect((await k.run(['describe', 'endpointslice', 'empty'])).stdout).toBe('Name:         empty\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\nAddressType:  IPv4\nPorts: <unset>\nEndpoints: <none>\nEvents:  <none>\n');
  });

  it('prints each load-balancer address of a Service with its ipMode, as buildIngressString does', async () => {
    const k = clusterHarness();
    const svc = k.create('/api/v1/namespaces/default/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', selector: { app: 'lb' }, ports: [{ port: 80 }] } });
    // an address carries its ipMode (kubectl 1.33 prints "192.168.100.200 (VIP)" for the lab's load balancer)
    k.put('/api/v1/namespaces/default/services/lb/status', { ...svc, status: { loadBalancer: { ingress: [{ ip: '192.168.100.200', ipMode: 'VIP' }, { hostname: 'lb.example.com' }] } } } as never);
    const r = await k.run(['describe', 'service', 'lb']);
    expect(r.stdout).toContain('\nLoadBalancer Ingress:     192.168.100.200 (VIP), lb.example.com\n');
  });

  it('prints each peer of a NetworkPolicy rule under its own heading and port ranges, as kubectl 1.33 does', async () => {
    const k = clusterHarness();
    const np = (name: string, spec: Record<string, unknown>) => k.create('/apis/networking.k8s.io/v1/namespaces/default/networkpolicies', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name }, spec });
    np('mix', {
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { team: 'a' } } }, { podSelector: { matchExpressions: [{ key: 'role', operator: 'In', values: ['fe', 'be'] }] } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
          ports: [{ port: 5432 }, { protocol: 'UDP', port: 53, endPort: 60 }],
        },
        {},
      ],
      egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 'dns', protocol: 'UDP' }] }],
    });
    np('allow-all-eg', { podSelector: {}, egress: [{}], policyTypes: ['Egress'] });
    const r = await k.run(['describe', 'networkpolicy', 'mix', 'allow-all-eg']);
    // recorded from kubectl 1.33 against `kubelab serve` with the same two policies applied
    const recorded = readFileSync(new URL('./testdata/networkpolicy-peers.txt', import.meta.url), 'utf8');
    const created = (t: string) => t.replace(/^Created on:.*$/gm, 'Created on:   <time>');
    expect(created(r.stdout)).toBe(created(recorded));
  });

  it('prints an IngressClass\'s controller and parameters, as IngressClassDescriber does', async () => {
    const k = clusterHarness();
    k.create('/apis/networking.k8s.io/v1/ingressclasses', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'nginx' },
      spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } },
    });
    expect((await k.run(['describe', 'ingressclass', 'nginx'])).stdout).toBe(
      'Name:         nginx\nLabels:       <none>\nAnnotations:  <none>\nController:   k8s.io/ingress-nginx\nParameters:\n  APIGroup:  k8s.example.com\n  Kind:      IngressParameters\n  Name:      external-lb\nEvents:      <none>\n',
    );
  });
});
