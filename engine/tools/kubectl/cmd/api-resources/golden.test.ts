import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGolden, seededHarness } from '../get/testdata/golden.ts';

const golden = parseGolden(readFileSync(new URL('./testdata/api-resources.json', import.meta.url), 'utf8'));

/** SINCE_134 are recorded cases kubectl 1.34 answers differently: api-resources prints -o json and -o yaml since 1.34. */
const SINCE_134 = new Set(['api-resources -o yaml']);

describe('kubectl api-resources and api-versions (recorded from kubectl 1.33)', () => {
  const k = seededHarness(golden.t0);
  for (const c of golden.cases.filter((x) => !SINCE_134.has(x.args.join(' ')))) {
    it(`kubectl ${c.args.join(' ')}`, async () => {
      const r = await k.run(c.args);
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  }
});

describe('kubectl api-resources -o json|yaml (kubectl 1.34)', () => {
  const k = seededHarness(golden.t0);
  const table = golden.cases.find((c) => c.args.join(' ') === 'api-resources')!;

  it('prints the flat APIResourceList, the same resources in the same order as the table (recorded from 1.33)', async () => {
    const r = await k.run(['api-resources', '-o', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { kind: string; apiVersion: string; groupVersion: string; resources: { name: string; group?: string; version: string; namespaced: boolean; kind: string }[] };
    expect([list.kind, list.apiVersion, list.groupVersion]).toEqual(['APIResourceList', 'v1', '']);
    const rows = table.stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/));
    expect(list.resources.map((x) => [x.name, x.group ? `${x.group}/${x.version}` : x.version, String(x.namespaced), x.kind])).toEqual(
      rows.map((cols) => [cols[0], cols[cols.length - 3], cols[cols.length - 2], cols[cols.length - 1]]),
    );
    expect(r.stdout).toMatch(/^ {4}"resources": \[\n {8}\{\n {12}"name": "bindings",\n {12}"singularName": "binding",\n {12}"namespaced": true,\n {12}"version": "v1",\n {12}"kind": "Binding",\n {12}"verbs": \[/m);
  });

  it('prints YAML with sorted keys, and names the allowed formats for any other', async () => {
    expect((await k.run(['api-resources', '-o', 'yaml', '--api-group=apps'])).stdout).toMatch(/^apiVersion: v1\ngroupVersion: ""\nkind: APIResourceList\nresources:\n- group: apps\n  kind: ControllerRevision\n  name: controllerrevisions\n  namespaced: true\n  singularName: controllerrevision\n  verbs:\n  - create\n/);
    expect(await k.run(['api-resources', '-o', 'foo'])).toEqual({
      stdout: '',
      stderr: 'error: unable to match a printer suitable for the output format "foo", allowed formats are: json,name,wide,yaml\n',
      code: 1,
    });
  });
});
