import type { ComponentCheck, ComponentHealth } from '../../apiserver/component-status.ts';
import { NetError, type HttpHandler, type Network, type Peer } from '../../host/net.ts';

const OK: ComponentHealth = { status: 'True', message: 'ok', error: '' };

/**
 * httpsHealthCheck is the apiserver's component probe of a /healthz on the
 * local host (TLS without verification, as componentstatus does): a 2xx
 * answer is healthy with its body as the message; anything else is
 * unhealthy with the HTTP prober's text as the message.
 */
function httpsHealthCheck(net: Network, from: Peer, port: number): ComponentCheck {
  const url = `https://127.0.0.1:${port}/healthz`;
  return () => {
    const unhealthy = (message: string): ComponentHealth => ({ status: 'False', message, error: '' });
    try {
      const l = net.dial(from, '127.0.0.1', port);
      if (l.protocol !== 'http') return unhealthy(`Get "${url}": net/http: HTTP/1.x transport connection broken: malformed HTTP response`);
      const res = (l.handler as HttpHandler).handle({ method: 'GET', path: '/healthz', headers: { 'user-agent': 'kube-probe/1.34', accept: '*/*' }, body: '', host: `127.0.0.1:${port}`, tls: true }, from);
      // Every component health endpoint answers at once; one that would make us wait is as good as a timeout.
      if ('then' in res) return unhealthy(`Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`);
      if (res.status >= 200 && res.status < 400) return { status: 'True', message: String(res.body ?? ''), error: '' };
      return unhealthy(`HTTP probe failed with statuscode: ${res.status}`);
    } catch (e) {
      const why = e instanceof NetError && e.code !== 'ECONNREFUSED' ? 'i/o timeout' : 'connect: connection refused';
      return unhealthy(`Get "${url}": dial tcp 127.0.0.1:${port}: ${why}`);
    }
  };
}

/**
 * staticPodComponentChecks are what a kubeadm apiserver probes for
 * ComponentStatus: kube-scheduler on :10259, kube-controller-manager on
 * :10257 (both on 127.0.0.1 of its own host, whatever their flags say, as
 * the real apiserver assumes the default ports) and its etcd backend
 * (etcd-0; an etcd that cannot be reached is unhealthy with the client's error).
 */
export function staticPodComponentChecks(o: { net: Network; from: Peer; etcd: () => { error: string } | object }): () => [string, ComponentCheck][] {
  const scheduler = httpsHealthCheck(o.net, o.from, 10259);
  const controllerManager = httpsHealthCheck(o.net, o.from, 10257);
  const etcd: ComponentCheck = () => {
    const r = o.etcd();
    return 'error' in r && typeof r.error === 'string' ? { status: 'False', message: '', error: r.error } : OK;
  };
  return () => [
    ['scheduler', scheduler],
    ['controller-manager', controllerManager],
    ['etcd-0', etcd],
  ];
}

/** inProcessComponentChecks: a cluster whose scheduler and controller manager run inside the engine (no ports) reports them as running. */
export function inProcessComponentChecks(): () => [string, ComponentCheck][] {
  const up: ComponentCheck = () => OK;
  return () => [
    ['scheduler', up],
    ['controller-manager', up],
    ['etcd-0', up],
  ];
}
