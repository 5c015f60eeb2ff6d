import type { KObject } from '../../api/types.ts';
import type { Runtime } from '../../base/runtime.ts';
import { deepEqual } from '../../base/deep.ts';
import type { ApiClient, ResourceRef } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { isAlreadyExists, isNotFound } from '../base/errors.ts';

/** RECONCILE_MS is the apiserver's endpoint reconcile interval. */
const RECONCILE_MS = 10_000;

/** firstIp is the first address of a CIDR: the kubernetes service's ClusterIP (10.96.0.1 for 10.96.0.0/12). */
export function firstIp(cidr: string): string {
  const [ip, bits] = cidr.split('/') as [string, string];
  const n = ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  const v = Math.floor(n / size) * size + 1;
  return [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.');
}

/**
 * startKubernetesServiceReconciler is the apiserver's own bootstrap work
 * (pkg/controlplane/controller/kubernetesservice and the endpoint
 * reconciler): Service default/kubernetes on the first service IP, and its
 * Endpoints and EndpointSlice pointing at the apiserver's advertise address.
 */
export function startKubernetesServiceReconciler(opts: {
  runtime: Runtime;
  client: ApiClient;
  advertiseIp: string;
  port?: number;
  serviceCidr: string;
  /** apiserverIps lists every live apiserver (the lease endpoint reconciler); this one alone when absent. */
  apiserverIps?: () => string[];
}): { stop(): void } {
  const { client } = opts;
  const port = opts.port ?? 6443;
  const ensure = (ref: ResourceRef, want: KObject, same: (cur: KObject) => boolean) => {
    try {
      const cur = client.get(ref, 'default', want.metadata.name!);
      if (!same(cur)) client.update(ref, { ...cur, ...want, metadata: { ...cur.metadata, labels: want.metadata.labels } });
    } catch (err) {
      if (!isNotFound(err)) return;
      try {
        client.create(ref, 'default', want);
      } catch (e) {
        if (!isAlreadyExists(e)) opts.runtime.onError(e, 'kubernetes service');
      }
    }
  };
  const reconcile = () => {
    try {
      client.get(R.services, 'default', 'kubernetes');
    } catch (err) {
      if (isNotFound(err)) {
        try {
          client.create(R.services, 'default', {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
            spec: { type: 'ClusterIP', clusterIP: firstIp(opts.serviceCidr), ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: port }], sessionAffinity: 'None' },
          });
        } catch (e) {
          if (!isAlreadyExists(e)) opts.runtime.onError(e, 'kubernetes service');
        }
      }
    }
    const ips = opts.apiserverIps?.() ?? [opts.advertiseIp];
    const subsets = [{ addresses: ips.map((ip) => ({ ip })), ports: [{ name: 'https', port, protocol: 'TCP' }] }];
    ensure(R.endpoints, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets }, (cur) => deepEqual(cur.subsets, subsets));
    const endpoints = ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } }));
    const ports = [{ name: 'https', port, protocol: 'TCP' }];
    ensure(
      R.endpointslices,
      { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubernetes', labels: { 'kubernetes.io/service-name': 'kubernetes' } }, addressType: 'IPv4', endpoints, ports },
      (cur) => deepEqual(cur.endpoints, endpoints) && deepEqual(cur.ports, ports),
    );
  };
  reconcile();
  const timer = opts.runtime.every(RECONCILE_MS, reconcile, 'kubernetes service reconcile');
  return { stop: () => timer.cancel() };
}
