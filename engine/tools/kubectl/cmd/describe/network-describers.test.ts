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
