import { kubectlHarness } from '../../../testing/harness.ts';

/** labHarness is a kubectl harness with the default namespace and helpers to write objects directly. */
export function labHarness() {
  const k = kubectlHarness();
  const admin = { token: 'admin' };
  const req = (method: 'POST' | 'PUT' | 'GET' | 'PATCH', path: string, body?: unknown, headers?: Record<string, string>) => {
    const r = k.server.request({ method, path, body, credentials: admin, headers });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(r.body)}`);
    k.runtime.settle();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test objects are read loosely
    return r.body as Record<string, any> & { metadata: Record<string, any> };
  };
  req('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const write = (path: string, text: string) => {
    const full = path.startsWith('/') ? path : `/root/${path}`;
    k.host.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { recursive: true });
    k.host.fs.writeFile(full, text);
  };
  return { ...k, req, write };
}

/** deployment is a small Deployment manifest. */
export function deployment(name: string, image = 'nginx', replicas = 1) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } } },
  };
}
