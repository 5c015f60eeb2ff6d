import type { KObject } from '../../../api/types.ts';
import type { Process } from '../../../host/process.ts';
import { Collector, EMPTY_INPUT } from '../../../host/streams.ts';
import { runKubectl } from '../program.ts';
import { kubectlHarness } from '../testing/harness.ts';

/** clusterHarness is kubectlHarness with helpers to create objects as cluster-admin, for command tests. */
export function clusterHarness() {
  const k = kubectlHarness();
  const admin = { token: 'admin' };
  /** create POSTs an object to a collection path and fails the test loudly when the server refuses. */
  const create = (path: string, obj: Record<string, unknown>): KObject => {
    const r = k.server.request({ method: 'POST', path, body: obj, credentials: admin });
    if (r.status >= 300) throw new Error(`create ${path}: ${JSON.stringify(r.body)}`);
    return r.body as KObject;
  };
  const get = (path: string): KObject | undefined => {
    const r = k.server.request({ method: 'GET', path, credentials: admin });
    return r.status === 200 ? (r.body as KObject) : undefined;
  };
  const put = (path: string, obj: KObject): KObject => {
    const r = k.server.request({ method: 'PUT', path, body: obj, credentials: admin });
    if (r.status >= 300) throw new Error(`put ${path}: ${JSON.stringify(r.body)}`);
    return r.body as KObject;
  };
  create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  /** pod creates a pod in default bound to a node, with the given phase and optional extras. */
  const pod = (name: string, extra: { node?: string; phase?: string; labels?: Record<string, string>; owner?: { kind: string; name: string; apiVersion: string }; volumes?: unknown[]; containers?: string[]; namespace?: string } = {}) => {
    const ns = extra.namespace ?? 'default';
    const created = create(`/api/v1/namespaces/${ns}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        labels: extra.labels,
        ownerReferences: extra.owner ? [{ ...extra.owner, uid: 'u-' + extra.owner.name, controller: true }] : undefined,
      },
      spec: { nodeName: extra.node, containers: (extra.containers ?? ['app']).map((c) => ({ name: c, image: 'nginx' })), volumes: extra.volumes },
    });
    if (extra.phase) {
      const status = { phase: extra.phase, conditions: extra.phase === 'Running' ? [{ type: 'Ready', status: 'True' }] : [] };
      return put(`/api/v1/namespaces/${ns}/pods/${name}/status`, { ...created, status });
    }
    return created;
  };
  return { ...k, create, get, put, pod, admin };
}

/**
 * startKubectl starts kubectl without waiting for it, on the harness's host
 * and network, with a Ctrl-C the test can press: for commands that run until
 * interrupted (logs -f, port-forward, proxy).
 */
export function startKubectl(k: ReturnType<typeof kubectlHarness>, argv: string[]) {
  let interrupt: (() => void) | undefined;
  const stdout = new Collector();
  const stderr = new Collector();
  const p: Process = {
    argv: ['kubectl', ...argv],
    env: { HOME: '/root' },
    cwd: '/root',
    hostname: 'terminal',
    user: { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash', groups: [0] },
    fs: k.host.fs,
    stdin: EMPTY_INPUT,
    stdout,
    stderr,
    signal: { interrupted: false, onInterrupt: (cb) => ((interrupt = cb), () => (interrupt = undefined)) },
    sys: {
      runtime: k.runtime,
      sleep: (ms) => new Promise((resolve) => k.runtime.after(ms, () => resolve(true))),
      net: k.net,
      hostIp: '192.168.1.2',
      machines: () => [],
      session: { login: () => {}, logout: () => {} },
      editor: { edit: async () => ({ saved: false }) },
      terminal: { columns: 80, rows: 24, interactive: false },
    },
  };
  const done = runKubectl(p, argv);
  return { done, stdout, stderr, interrupt: () => interrupt?.() };
}
