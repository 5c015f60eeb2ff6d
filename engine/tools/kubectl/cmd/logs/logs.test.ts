import { describe, expect, it } from 'vitest';
import type { RequestScope } from '../../../../apiserver/context.ts';
import { clusterHarness, startKubectl } from '../testing.ts';

/** fakeLogs answers pods/log with the query it saw, so tests see what kubectl asked for. */
function fakeLogs(k: ReturnType<typeof clusterHarness>) {
  const seen: Record<string, unknown>[] = [];
  k.server.ctx.connectors['pods/log'] = (_ctx, s: RequestScope) => {
    const q = s.req.query ?? {};
    seen.push({ pod: s.info.name, ...q });
    return { status: 200, body: `${s.info.name}/${String(q['container'])} line 1\n${s.info.name}/${String(q['container'])} line 2\n` };
  };
  return seen;
}

describe('kubectl logs', () => {
  it('reads a pod\'s log through pods/log with the flags as parameters', async () => {
    const k = clusterHarness();
    const seen = fakeLogs(k);
    k.pod('web', { node: 'node01', phase: 'Running' });
    expect(await k.run(['logs', 'web', '--tail=5', '--timestamps', '--since=1m'])).toEqual({ stdout: 'web/app line 1\nweb/app line 2\n', stderr: '', code: 0 });
    expect(seen[0]).toMatchObject({ pod: 'web', container: 'app', tailLines: '5', timestamps: 'true', sinceSeconds: '60' });
  });

  it('defaults to the first container and says so, or reads them all', async () => {
    const k = clusterHarness();
    fakeLogs(k);
    k.pod('multi', { node: 'node01', phase: 'Running', containers: ['main', 'sidecar'] });
    const r = await k.run(['logs', 'multi']);
    expect(r.stderr).toBe('Defaulted container "main" out of: main, sidecar\n');
    expect(r.stdout).toBe('multi/main line 1\nmulti/main line 2\n');
    expect((await k.run(['logs', 'multi', '-c', 'sidecar'])).stdout).toBe('multi/sidecar line 1\nmulti/sidecar line 2\n');
    const all = await k.run(['logs', 'multi', '--all-containers', '--prefix']);
    expect(all.stdout).toBe('[pod/multi/main] multi/main line 1\n[pod/multi/main] multi/main line 2\n[pod/multi/sidecar] multi/sidecar line 1\n[pod/multi/sidecar] multi/sidecar line 2\n');
  });

  it('finds a pod of a deployment and selects pods by label', async () => {
    const k = clusterHarness();
    fakeLogs(k);
    k.create('/apis/apps/v1/namespaces/default/deployments', {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
    });
    k.pod('web-1', { node: 'node01', phase: 'Running', labels: { app: 'web' } });
    k.pod('web-2', { node: 'node01', phase: 'Pending', labels: { app: 'web' } });
    const r = await k.run(['logs', 'deploy/web']);
    expect(r).toEqual({ stdout: 'web-1/app line 1\nweb-1/app line 2\n', stderr: 'Found 2 pods, using pod/web-1\n', code: 0 });
    expect((await k.run(['logs', '-l', 'app=web'])).stdout).toBe('web-1/app line 1\nweb-1/app line 2\nweb-2/app line 1\nweb-2/app line 2\n');
  });

  it('gives the usage error without a pod, and its own wording of the server\'s error for a missing one', async () => {
    const k = clusterHarness();
    fakeLogs(k);
    expect((await k.run(['logs'])).stderr).toBe("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
    expect((await k.run(['logs', 'nope'])).stderr).toBe('error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
  });
});

describe('kubectl logs -f', () => {
  it('streams new output until Ctrl-C', async () => {
    const k = clusterHarness();
    k.pod('web', { node: 'node01', phase: 'Running' });
    let n = 0;
    k.server.ctx.connectors['pods/log'] = () =>
      Object.assign(
        { status: 200, body: 'start\n' },
        {
          follow: (onChunk: (t: string) => void) => {
            const t = k.runtime.every(1000, () => onChunk(`tick ${++n}\n`));
            return () => t.cancel();
          },
        },
      );
    const run = startKubectl(k, ['logs', '-f', 'web']);
    await new Promise((r) => setImmediate(r));
    k.runtime.advance(2000);
    run.interrupt();
    expect(await run.done).toBe(130);
    k.runtime.advance(5000);
    expect(run.stdout.text).toBe('start\ntick 1\ntick 2\n');
  });
});
