import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';
import { goG, parseResourceInput } from './targets.ts';

describe('kubectl autoscale (1.34: --cpu and --memory)', () => {
  function withDeployment() {
    const k = clusterHarness();
    k.create('/apis/apps/v1/namespaces/default/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    return k;
  }
  const metrics = (k: ReturnType<typeof clusterHarness>) => (k.get('/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web') as unknown as { spec: { metrics?: unknown[] } }).spec.metrics;

  it('targets a utilization with a percent and an average value with a quantity, for cpu and memory', async () => {
    const k = withDeployment();
    const r = await k.run(['autoscale', 'deploy', 'web', '--min=2', '--max=6', '--cpu=60%', '--memory=200']);
    expect(r).toEqual({ stdout: 'horizontalpodautoscaler.autoscaling/web autoscaled\n', stderr: '', code: 0 });
    expect(metrics(k)).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } } },
    ]);
  });

  it('still takes --cpu-percent, with pflag’s deprecation notice; zero asks for no metric (the apiserver then defaults cpu to 80%)', async () => {
    const k = withDeployment();
    const r = await k.run(['autoscale', 'deploy', 'web', '--max=3', '--cpu-percent=0', '--dry-run=client', '-o', 'json']);
    expect(r.stderr).toBe("Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n");
    expect(JSON.parse(r.stdout).spec.metrics).toBeUndefined();
    await k.run(['autoscale', 'deploy', 'web', '--max=3', '--cpu-percent=0']);
    expect(metrics(k)).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
  });

  it('refuses what kubectl 1.34 refuses, with its texts', async () => {
    const k = withDeployment();
    const err = async (...a: string[]) => (await k.run(['autoscale', 'deploy', 'web', '--max=3', ...a])).stderr;
    expect(await err('--cpu-percent=50', '--cpu=50%')).toContain('error: --cpu-percent and --cpu are mutually exclusive\n');
    expect(await err('--cpu=abc%')).toBe('error: invalid percentage value: abc\n');
    expect(await err('--memory=lots')).toBe('error: invalid resource memory value: lots\n');
    expect(k.get('/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web')).toBeUndefined();
  });
});

describe('parseResourceInput', () => {
  it('reads percents, quantities and bare numbers (in the resource’s unit) as kubectl 1.34 does', () => {
    expect(parseResourceInput(' 70% ', 'cpu')).toEqual({ type: 'Utilization', averageUtilization: 70 });
    expect(parseResourceInput('500', 'cpu')).toEqual({ type: 'AverageValue', averageValue: '500m' });
    expect(parseResourceInput('1.5', 'cpu')).toEqual({ type: 'AverageValue', averageValue: '1500u' });
    expect(parseResourceInput('1Gi', 'memory')).toEqual({ type: 'AverageValue', averageValue: '1Gi' });
    expect(() => parseResourceInput('-5%', 'cpu')).toThrow('invalid percentage value: -5');
    expect(() => parseResourceInput('', 'cpu')).toThrow('empty input');
    expect(goG(500)).toBe('500');
    expect(goG(1234567)).toBe('1.234567e+06');
    expect(goG(0.00001)).toBe('1e-05');
  });
});
