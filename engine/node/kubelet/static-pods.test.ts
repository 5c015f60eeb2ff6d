import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH } from '../../base/clock.ts';
import { createHost } from '../../host/image.ts';
import { Runtime } from '../../base/runtime.ts';
import type { Klog } from './klog.ts';
import { readStaticPods } from './static-pods.ts';

describe('reading the static-pod folder', () => {
  it('logs a broken manifest on every listing until it is fixed, and a missing folder once', () => {
    const runtime = new Runtime({ start: DEFAULT_EPOCH, seed: 1 });
    const host = createHost({ name: 'node01', ip: '192.168.100.11', clock: runtime.clock });
    const lines: string[] = [];
    const klog: Klog = { info: (f, m) => lines.push(`I ${f} ${m}`), error: (f, m, kv) => lines.push(`E ${f} ${m} ${String(kv?.path)}`), warning: () => {} };
    const missing = new Set<string>();
    const list = () => readStaticPods(host.fs, '/etc/kubernetes/manifests', 'node01', runtime.now, klog, missing).map((p) => p.metadata.name);
    host.fs.mkdir('/etc/kubernetes/manifests', { recursive: true });
    host.fs.writeFile('/etc/kubernetes/manifests/web.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: x\n');
    expect([list(), list()]).toEqual([[], []]);
    expect(lines).toEqual(['E file.go:187 Could not process manifest file /etc/kubernetes/manifests/web.yaml', 'E file.go:187 Could not process manifest file /etc/kubernetes/manifests/web.yaml']);
    host.fs.writeFile('/etc/kubernetes/manifests/web.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: x\n    image: nginx\n');
    expect(list()).toEqual(['web-node01']);
    expect(lines).toHaveLength(2);
    lines.length = 0;
    const gone = () => readStaticPods(host.fs, '/etc/kubernetes/nowhere', 'node01', runtime.now, klog, missing);
    gone();
    gone();
    expect(lines).toEqual(['I file.go:97 Unable to read config path']);
  });
});
