import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatName, formatNameSlashed, nameFromGo, parseSubjectArg } from './name.ts';
import { parseSections } from './testing/golden.ts';

const subjects = parseSections(readFileSync(join(import.meta.dirname, 'testdata/openssl/subjects.txt'), 'utf8'));

describe('distinguished names', () => {
  for (const [arg, want] of subjects) {
    it(`reads -subj ${JSON.stringify(arg)} as openssl req does`, () => {
      const r = parseSubjectArg(arg);
      if ('error' in r) expect(`req: ${r.error}\n`).toBe(want);
      else expect(`subject=${formatName(r.name)}\n`).toBe(want);
    });
  }

  it('reports what openssl warns about', () => {
    expect(parseSubjectArg('/XX=a/CN=b/O=')).toMatchObject({
      warnings: ['Skipping unknown subject name attribute "XX"', 'No value provided for subject name attribute "O", skipped'],
    });
  });

  it('orders and types names as Go does', () => {
    const n = nameFromGo({ commonName: 'system:node:n1', organization: ['system:nodes', 'x@y'], country: ['DE'] });
    expect(formatName(n)).toBe('C = DE, O = system:nodes, O = x@y, CN = system:node:n1');
    expect(n.map((r) => r[0]!.type)).toEqual(['printable', 'printable', 'utf8', 'printable']);
    expect(formatNameSlashed(n)).toBe('/C=DE/O=system:nodes/O=x@y/CN=system:node:n1');
  });
});
