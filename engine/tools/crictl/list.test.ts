import { describe, expect, it } from 'vitest';
import { crictlLab } from './testing/lab.ts';

async function lab() {
  const { t, run } = await crictlLab();
  t.run({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
  t.run({ metadata: { name: 'crash', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] } });
  await t.advance(8_000);
  return { t, run };
}

const rowsOf = (out: string) => out.split('\n').slice(1, -1);

describe('crictl ps, pods and images: the flags of crictl v1.34', () => {
  it('prints the CRI list responses with -o json and -o yaml (protojson: defaults shown, int64 as strings, maps sorted)', async () => {
    const { run } = await lab();
    const json = await run('ps', '--name', 'nginx', '-o', 'json');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { containers: Record<string, unknown>[] };
    expect(parsed.containers).toHaveLength(1);
    const c = parsed.containers[0]!;
    expect(Object.keys(c)).toEqual(['id', 'podSandboxId', 'metadata', 'image', 'imageRef', 'state', 'createdAt', 'labels', 'annotations']);
    expect(c.metadata).toEqual({ name: 'nginx', attempt: 0 });
    expect(c.state).toBe('CONTAINER_RUNNING');
    expect(c.createdAt).toMatch(/^\d{19}$/);
    expect(Object.keys(c.labels as object)).toEqual([...Object.keys(c.labels as object)].sort());
    expect(json.stdout).toMatch(/^\{\n {2}"containers": \[\n {4}\{\n {6}"id": "[0-9a-f]{64}",\n/);
    const pods = await run('pods', '--name', 'web', '-o', 'yaml');
    expect(pods.stdout).toMatch(/^items:\n- annotations:/);
    expect(pods.stdout).toMatch(/\n {2}createdAt: "\d{19}"\n/);
    expect(pods.stdout).toMatch(/\n {2}state: SANDBOX_READY\n\n$/);
    const none = await run('ps', '--name', 'nothing', '-o', 'json');
    expect(none.stdout).toBe('{\n  "containers": []\n}\n');
    const images = JSON.parse((await run('images', '-o', 'json')).stdout) as { images: { size: string; pinned: boolean }[] };
    expect(images.images.every((i) => /^\d+$/.test(i.size) && typeof i.pinned === 'boolean')).toBe(true);
  });

  it('takes -n as --last (not a namespace), lists every state with -l or --last, and filters by label, id and state', async () => {
    const { run } = await lab();
    const all = rowsOf((await run('ps', '-a')).stdout);
    expect(all.length).toBeGreaterThan(1);
    // the newest container, whatever its state: stopped, ps no longer shows it, ps -l still does
    const newest = all[0]!.split(/\s+/)[0]!;
    await run('stop', newest);
    expect((await run('ps', '-q')).stdout).not.toContain(newest);
    expect(rowsOf((await run('ps', '-l')).stdout)).toEqual([expect.stringMatching(new RegExp(`^${newest} .* Exited `))]);
    expect(rowsOf((await run('ps', '-n', '2')).stdout)).toHaveLength(2);
    expect(rowsOf((await run('ps', '-a', '--label', 'io.kubernetes.pod.name=web')).stdout)).toHaveLength(1);
    expect(rowsOf((await run('ps', '--state', 'exited')).stdout).every((l) => /\sExited\s/.test(l))).toBe(true);
    const id = (await run('ps', '-a', '-q')).stdout.split('\n')[1]!;
    expect((await run('ps', '-a', '--id', id.slice(0, 6), '-q')).stdout).toBe(`${id}\n`);
  });

  it('refuses bad values with crictl’s own errors', async () => {
    const { run } = await lab();
    const wide = await run('ps', '-o', 'wide');
    expect(wide.code).toBe(1);
    expect(wide.stderr).toMatch(/level=fatal msg="listing containers: unsupported output format \\"wide\\""\n$/);
    expect((await run('pods', '-o', 'wide')).stderr).toContain('msg="listing pod sandboxes: unsupported output format \\"wide\\""');
    const state = await run('ps', '--state', 'stopped');
    expect(state.code).toBe(1);
    expect(state.stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d --state should be one of created, running, exited or unknown\n$/);
    expect((await run('pods', '--state', 'up')).stderr).toMatch(/ --state should be ready or notready\n$/);
    expect((await run('ps', '--label', 'app')).stderr).toContain('msg="incorrectly specified label: app"');
  });
});
