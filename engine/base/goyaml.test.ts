import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toGoYaml } from './goyaml.ts';

// testdata/goyaml-*.yaml were recorded from kubectl 1.33 (scripts/record-golden/goyaml.sh):
// `kubectl create configmap … --from-literal=… --dry-run=client -o yaml` prints
// the data map through sigs.k8s.io/yaml, so every quoting and folding rule shows.
const golden = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

describe('toGoYaml', () => {
  it('renders strings with yaml.v2 quoting, folding and key order', () => {
    const cases = JSON.parse(golden('goyaml-literals.json')) as Record<string, string>;
    const obj = { apiVersion: 'v1', data: cases, kind: 'ConfigMap', metadata: { creationTimestamp: null, name: 'x' } };
    expect(toGoYaml(obj)).toBe(golden('goyaml-literals.yaml'));
  });

  it('nests maps and sequences like kubectl', () => {
    const obj = JSON.parse(golden('goyaml-deployment.json'));
    expect(toGoYaml(obj)).toBe(golden('goyaml-deployment.yaml'));
  });

  it('prints empty collections in flow style and scalars of every type', () => {
    expect(toGoYaml({ a: {}, b: [], c: null, d: true, e: 1.5, f: 10 })).toBe('a: {}\nb: []\nc: null\nd: true\ne: 1.5\nf: 10\n');
  });
});
