import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../api/transport.ts';
import { backupsCrd } from '../../apiserver/testing/crd.ts';
import { DISCOVERY_TTL_MS, discoveryCacheDir } from './discovery-cache.ts';
import { kubectlHarness } from './testing/harness.ts';

/** GOLDEN is what the real kubectl 1.33 left in its cache and sent (scripts/record-golden/kubectl-discovery-cache.ts). */
const GOLDEN = JSON.parse(readFileSync(new URL('./testdata/discovery-cache.golden.json', import.meta.url), 'utf8')) as {
  invocations: { args: string[]; requests: string[] }[];
  dirs: Record<string, string>;
  files: Record<string, { mode: string; text: string }>;
};

const CACHE = '/root/.kube/cache/discovery/controlplane_6443';

/** harness is kubectl against a fresh apiserver, recording the method and path of every request it sends. */
function harness() {
  const k = kubectlHarness();
  const requests: string[] = [];
  const request = k.server.request.bind(k.server);
  k.server.request = (req: ApiRequest) => {
    requests.push(`${req.method} ${req.path}`);
    return request(req);
  };
  const run = async (...argv: string[]) => {
    requests.length = 0;
    const r = await k.run(argv);
    return { ...r, requests: [...requests] };
  };
  return { k, run };
}

function walk(fs: ReturnType<typeof kubectlHarness>['host']['fs'], root: string) {
  const dirs: Record<string, string> = {};
  const files: Record<string, { mode: string; text: string }> = {};
  const visit = (rel: string) => {
    for (const name of fs.readdir(rel ? `${root}/${rel}` : root).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.stat(`${root}/${r}`);
      if (st.type === 'dir') {
        dirs[r] = (st.mode & 0o777).toString(8);
        visit(r);
      } else files[r] = { mode: (st.mode & 0o777).toString(8), text: fs.readFile(`${root}/${r}`) };
    }
  };
  visit('');
  return { dirs, files };
}

describe('kubectl discovery cache', () => {
  it('sends the requests the real kubectl sends: aggregated discovery once, then none while the cache is fresh, again for an unknown type', async () => {
    const { run } = harness();
    for (const inv of GOLDEN.invocations) {
      const r = await run(...inv.args);
      expect(r.requests, inv.args.join(' ')).toEqual(inv.requests);
    }
  });

  it('writes the files the real kubectl writes, byte for byte, with their modes', async () => {
    const { k, run } = harness();
    await run('get', 'pods');
    const got = walk(k.host.fs, CACHE);
    expect(got.dirs).toEqual(GOLDEN.dirs);
    expect(Object.keys(got.files).sort()).toEqual(Object.keys(GOLDEN.files).sort());
    for (const [path, f] of Object.entries(GOLDEN.files)) expect(got.files[path], path).toEqual(f);
  });

  it('asks the server again once the files are six hours old', async () => {
    const { k, run } = harness();
    await run('get', 'pods');
    k.runtime.advance(DISCOVERY_TTL_MS - 1000);
    expect((await run('get', 'pods')).requests).toEqual(['GET /api/v1/namespaces/default/pods']);
    k.runtime.advance(2000);
    expect((await run('get', 'pods')).requests).toEqual(['GET /api', 'GET /apis', 'GET /api/v1/namespaces/default/pods']);
  });

  it('finds a CustomResourceDefinition created after the cache was filled', async () => {
    const { k, run } = harness();
    await run('get', 'pods');
    const crd = backupsCrd();
    expect((await k.run(['apply', '-f', '-'], JSON.stringify(crd))).code).toBe(0);
    const r = await run('get', 'bk');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
    expect(r.requests).toEqual(['GET /api', 'GET /apis', 'GET /apis/lab.example.com/v1/namespaces/default/backups']);
    expect(k.host.fs.exists(`${CACHE}/lab.example.com/v1/serverresources.json`)).toBe(true);
    // and a type nobody serves is still refused, after one more look
    const bad = await run('get', 'nosuchthings');
    expect(bad.stderr).toBe('error: the server doesn\'t have a resource type "nosuchthings"\n');
    expect(bad.requests).toEqual(['GET /api', 'GET /apis']);
  });

  it('api-resources asks the server afresh unless --cached', async () => {
    const { run } = harness();
    await run('get', 'pods');
    expect((await run('api-resources')).requests).toEqual(['GET /api', 'GET /apis']);
    expect((await run('api-resources', '--cached')).requests).toEqual([]);
  });

  it('keeps the cache under --cache-dir, and works without one it can write', async () => {
    const { k, run } = harness();
    await run('get', 'pods', '--cache-dir', '/tmp/kc');
    expect(k.host.fs.exists('/tmp/kc/discovery/controlplane_6443/servergroups.json')).toBe(true);
    expect(k.host.fs.exists('/root/.kube/cache')).toBe(false);
    k.host.fs.writeFile('/root/.kube/cache', 'not a folder');
    const r = await run('get', 'pods');
    expect(r.code).toBe(0);
    expect(r.requests).toEqual(['GET /api', 'GET /apis', 'GET /api/v1/namespaces/default/pods']);
  });

  it('names the folder as computeDiscoverCacheDir does', () => {
    expect(discoveryCacheDir('/home/u/.kube/cache', 'https://controlplane:6443')).toBe('/home/u/.kube/cache/discovery/controlplane_6443');
    expect(discoveryCacheDir('/c/', 'https://10.0.0.1:6443/')).toBe('/c/discovery/10.0.0.1_6443');
    expect(discoveryCacheDir('/c', 'http://[::1]:8080')).toBe('/c/discovery/___1__8080');
  });
});
