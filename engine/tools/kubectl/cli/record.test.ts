import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../cmd/testing.ts';

const NOTICE = 'Flag --record has been deprecated, --record will be removed in the future\n';
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: "1"\n';
const causeOf = (k: ReturnType<typeof clusterHarness>, path: string) => k.get(path)?.metadata.annotations?.['kubernetes.io/change-cause'];

describe('--record', () => {
  it('prints the deprecation notice first and writes the command line, flags by long name in line order', async () => {
    const k = clusterHarness();
    k.host.fs.writeFile('/root/cm.yaml', CM);
    const r = await k.run(['create', '-f', 'cm.yaml', '--record', '-n', 'default', '-o', 'name']);
    expect(r.stderr).toBe(NOTICE);
    expect(r.stdout).toBe('configmap/web\n');
    expect(causeOf(k, '/api/v1/namespaces/default/configmaps/web')).toBe('kubectl create --filename=cm.yaml --record=true --namespace=default --output=name');
  });

  it('puts flags given before the command after its arguments, as pflag hands them over', async () => {
    const k = clusterHarness();
    k.host.fs.writeFile('/root/cm.yaml', CM);
    await k.run(['--namespace=default', 'apply', '--record=true', '-f', 'cm.yaml']);
    expect(causeOf(k, '/api/v1/namespaces/default/configmaps/web')).toBe('kubectl apply --namespace=default --record=true --filename=cm.yaml');
  });

  it('records nothing with --record=false, but still tells of the deprecation', async () => {
    const k = clusterHarness();
    k.host.fs.writeFile('/root/cm.yaml', CM);
    const r = await k.run(['create', '-f', 'cm.yaml', '--record=false']);
    expect(r.stderr).toBe(NOTICE);
    expect(causeOf(k, '/api/v1/namespaces/default/configmaps/web')).toBeUndefined();
  });

  it('is unknown to the commands that never took it, and a line that does not parse prints no notice', async () => {
    const k = clusterHarness();
    const gen = await k.run(['create', 'deployment', 'x', '--image=nginx', '--record']);
    expect(gen.stderr).toBe("error: unknown flag: --record\nSee 'kubectl create deployment --help' for usage.\n");
    const bad = await k.run(['set', 'image', 'deploy/web', 'nginx=nginx', '--record', '--bogus']);
    expect(bad.stderr).toBe("error: unknown flag: --bogus\nSee 'kubectl set image --help' for usage.\n");
  });

  it('stays out of --help', async () => {
    const k = clusterHarness();
    expect((await k.run(['set', 'image', '--help'])).stdout).not.toContain('record');
  });
});
