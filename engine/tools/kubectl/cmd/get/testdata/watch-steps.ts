import type { ApiServer } from '../../../../../apiserver/server.ts';
import type { Runtime } from '../../../../../base/runtime.ts';

/**
 * WATCH_STEPS are the changes made while `kubectl get -w` runs, in order, for
 * the watch goldens: the recording makes them against the served apiserver
 * while the real kubectl watches; the tests make them while ours does.
 */
export const WATCH_STEPS: ((server: ApiServer, runtime: Runtime) => void)[] = [
  (server, runtime) => {
    server.request({
      method: 'POST',
      path: '/api/v1/namespaces/default/pods',
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-3', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
      credentials: { token: 'admin' },
    });
    runtime.settle();
  },
  (server, runtime) => {
    server.request({ method: 'PATCH', path: '/api/v1/namespaces/default/pods/web-3', headers: { 'content-type': 'application/merge-patch+json' }, body: { metadata: { labels: { tier: 'frontend' } } }, credentials: { token: 'admin' } });
    runtime.settle();
  },
  (server, runtime) => {
    server.request({ method: 'DELETE', path: '/api/v1/namespaces/default/pods/web-3', body: { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0 }, query: { gracePeriodSeconds: '0' }, credentials: { token: 'admin' } });
    runtime.settle();
  },
];

/** WATCH_CASES are the watching command lines recorded. */
export const WATCH_CASES: string[][] = [
  ['get', 'pods', '-w'],
  ['get', 'pods', '--watch-only'],
  ['get', 'pods', '-w', '--output-watch-events'],
  ['get', 'pods', '-l', 'app=web', '-w', '-o', 'name'],
];
