import { describe, expect, it } from 'vitest';
import { labHarness } from './testing/lab.ts';

// Expected texts are what kubectl 1.33 printed for the same command lines.
describe('kubectl create clusterrole --aggregation-rule', () => {
  it('reads key=value pairs as component-base MapStringString does: blanks skipped, spaces trimmed, repeats merged', async () => {
    const k = labHarness();
    const r = await k.run(['create', 'clusterrole', 'agg', '--aggregation-rule= a=b , c = d ,', '--aggregation-rule=e=f', '-o', 'yaml', '--dry-run=client']);
    expect(r.stdout).toBe('aggregationRule:\n  clusterRoleSelectors:\n  - matchLabels:\n      a: b\n      c: d\n      e: f\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: agg\nrules: null\n');
  });

  it('rejects a pair without "=" with the flag error kubectl prints', async () => {
    const k = labHarness();
    const r = await k.run(['create', 'clusterrole', 'agg', '--aggregation-rule=foo', '--dry-run=client']);
    expect(r.stderr).toBe('error: invalid argument "foo" for "--aggregation-rule" flag: malformed pair, expect string=string\nSee \'kubectl create clusterrole --help\' for usage.\n');
    expect(r.code).toBe(1);
  });
});

describe('kubectl create role --resource', () => {
  it('names the group of a resource type the server does not have', async () => {
    const k = labHarness();
    const r = await k.run(['create', 'role', 'r', '--verb=get', '--resource=foo.apps']);
    expect(r).toEqual({ stdout: '', stderr: 'the server doesn\'t have a resource type "foo" in group "apps"\n', code: 1 });
    expect((await k.run(['create', 'role', 'r', '--verb=get', '--resource=podz'])).stderr).toBe('the server doesn\'t have a resource type "podz"\n');
  });
});
