import { describe, expect, it } from 'vitest';
import { labHarness } from '../create/testing/lab.ts';

const HEADER = /^diff -u -N (\/tmp\/LIVE-\d+)\/v1\.ConfigMap\.default\.cfg (\/tmp\/MERGED-\d+)\/v1\.ConfigMap\.default\.cfg\n--- \1\/v1\.ConfigMap\.default\.cfg\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000\n\+\+\+ \2\/v1\.ConfigMap\.default\.cfg\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000\n/;

describe('kubectl diff', () => {
  it('shows a new object as all added lines and exits 1', async () => {
    const k = labHarness();
    k.write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n');
    const r = await k.run(['diff', '-f', 'cm.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(HEADER);
    expect(r.stdout).toContain('@@ -0,0 +1,');
    expect(r.stdout).toContain('+data:\n+  a: "1"\n');
  });

  it('shows changed fields with context, and nothing with exit 0 when equal', async () => {
    const k = labHarness();
    k.write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n');
    await k.run(['apply', '-f', 'cm.yaml']);
    expect(await k.run(['diff', '-f', 'cm.yaml'])).toEqual({ stdout: '', stderr: '', code: 0 });
    k.write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "2"\n');
    const r = await k.run(['diff', '-f', 'cm.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(HEADER);
    expect(r.stdout).toContain('-  a: "1"\n+  a: "2"\n');
  });
});
