import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDefinitions } from '../../../../api/openapi/load.ts';
import { kubectlHarness } from '../../testing/harness.ts';
import { wrap } from './wrap.ts';

interface Case { argv: string[]; stdout: string; stderr: string; code: number }
const cases = JSON.parse(readFileSync(new URL('./testdata/explain.json', import.meta.url), 'utf8')) as Case[];

describe('kubectl explain (recorded from kubectl 1.33 against the same OpenAPI documents)', () => {
  beforeAll(async () => {
    await loadOpenApiDefinitions();
  });
  const k = kubectlHarness();
  for (const want of cases) {
    it(want.argv.join(' '), async () => {
      const r = await k.run(want.argv);
      expect(r.stdout).toBe(want.stdout);
      expect(r.stderr).toBe(want.stderr);
      expect(r.code).toBe(want.code);
    });
  }
});

describe('kubectl explain -o (kubectl 1.34)', () => {
  beforeAll(async () => {
    await loadOpenApiDefinitions();
  });
  it('takes -o as --output', async () => {
    const k = kubectlHarness();
    const long = await k.run(['explain', 'pod.spec.restartPolicy', '--output=plaintext-openapiv2']);
    expect(long.code).toBe(0);
    expect(await k.run(['explain', 'pod.spec.restartPolicy', '-o', 'plaintext-openapiv2'])).toEqual(long);
    expect((await k.run(['explain', 'pod', '-o', 'yaml'])).stderr).toContain('yaml');
  });
});

describe('wrap', () => {
  it('breaks at the last space within the width and keeps long words whole', () => {
    expect(wrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrap('x https://example.com/very/long/url y', 10)).toBe('x\nhttps://example.com/very/long/url\ny');
  });
});
