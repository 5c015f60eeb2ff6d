import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../base/errors.ts';
import { goStringSlice, selectorValue, sortedMap } from './gofmt.ts';
import { validateObjectMeta } from './meta.ts';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName, nameIsDnsSubdomain, pathSegmentName, regexError } from './names.ts';
import { validatePodTemplateSpec } from './podspec.ts';

// Facts from apimachinery's pkg/util/validation/validation_test.go and objectmeta_test.go.
describe('name checks', () => {
  it('accepts and refuses DNS names as apimachinery does', () => {
    for (const good of ['a', 'ab', 'a-b', '0', 'a1', '1-a', 'a--1--2--b']) expect(isDns1123Label(good)).toEqual([]);
    for (const bad of ['', 'A', 'ABC', 'a.b', '-', 'a-', '-a', 'a_b', 'a b']) expect(isDns1123Label(bad)).not.toEqual([]);
    expect(isDns1123Subdomain('a.b.c')).toEqual([]);
    expect(isDns1123Subdomain('a..b')).not.toEqual([]);
    expect(isDns1035Label('1a')).not.toEqual([]);
    expect(isDns1123Label('x'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
  it('checks qualified names, label values and port names', () => {
    for (const good of ['simple', 'now-with-dashes', '1-starts-with-num', 'example.com/name', 'a.b/C_d']) expect(isQualifiedName(good)).toEqual([]);
    expect(isQualifiedName('/a')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('a/')).toEqual(['name part must be non-empty', expect.stringContaining('name part must consist of')]);
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('-bad')).toHaveLength(1);
    expect(isValidPortName('Http')).toEqual(['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']);
    expect(isValidPortName('a--b')).toEqual(['must not contain consecutive hyphens']);
    expect(isValidPortName('-ab')).toEqual(['must not begin or end with a hyphen']);
    expect(pathSegmentName('a/b%', false)).toEqual(["may not contain '/'", "may not contain '%'"]);
    expect(pathSegmentName('..', false)).toEqual(["may not be '..'"]);
    expect(nameIsDnsSubdomain('web-', true)).toEqual([]);
  });
  it('formats regex errors with apimachinery spacing', () => {
    expect(regexError('msg', 'fmt', 'a', 'b')).toBe("msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')");
    expect(regexError('msg', 'fmt')).toBe("msg (regex used for validation is 'fmt')");
  });
});

describe('object meta', () => {
  it('reports owner references and finalizers', () => {
    const errs = validateObjectMeta({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'd', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: '', uid: '' }], finalizers: ['orphan', 'foregroundDeletion'] } }, { namespaced: true }).map(fieldErrorString);
    expect(errs).toEqual([
      'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
      'metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set',
    ]);
  });
});

describe('pod template', () => {
  it('prefixes pod spec paths', () => {
    const errs = validatePodTemplateSpec({ metadata: { labels: { a: 'b c' } }, spec: { containers: [{ name: 'x' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' } }, 'spec.template').map(fieldErrorString);
    expect(errs).toContain('spec.template.spec.containers[0].image: Required value');
    expect(errs.some((e) => e.startsWith('spec.template.metadata.labels: Invalid value: "b c"'))).toBe(true);
  });
});

describe('value rendering', () => {
  it('renders bad values as the apiserver does', () => {
    expect(JSON.stringify(sortedMap({ b: '1', a: '2' }))).toBe('{"a":"2","b":"1"}');
    expect(sortedMap(undefined)).toBeNull();
    expect(goStringSlice(['a', 'b'])).toBe('[]string{"a", "b"}');
    expect(JSON.stringify(selectorValue({ matchLabels: { app: 'x' }, matchExpressions: [] }))).toBe('{"matchLabels":{"app":"x"}}');
  });
});
