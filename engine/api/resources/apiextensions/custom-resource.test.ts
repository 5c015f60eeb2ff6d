import { describe, expect, it } from 'vitest';
import type { KObject } from '../../types.ts';
import { CTX, ago, created, HOUR, obj, updated } from '../testing/fixtures.ts';
import { columnValue, customResourceDefs, versionPriority } from './custom-resource.ts';
import { customResourceDefinitionDef } from './customresourcedefinition.ts';

const crd = (versions: unknown[], extra: Record<string, unknown> = {}) =>
  obj(customResourceDefinitionDef, 'crontabs.stable.example.com', {
    spec: { group: 'stable.example.com', scope: 'Namespaced', names: { plural: 'crontabs', kind: 'CronTab', shortNames: ['ct'] }, versions, ...extra },
  });
const schema = { openAPIV3Schema: { type: 'object' } };

describe('CustomResourceDefinition', () => {
  it('defaults names and records the storage version on create', () => {
    const { obj: c, errors } = created(customResourceDefinitionDef, crd([{ name: 'v1', served: true, storage: true, schema }]));
    expect(errors).toEqual([]);
    expect(c.spec).toMatchObject({ names: { singular: 'crontab', listKind: 'CronTabList' }, conversion: { strategy: 'None' } });
    expect(c.status).toEqual({ acceptedNames: { kind: '', plural: '' }, storedVersions: ['v1'] });
    expect(c.metadata.generation).toBe(1);
  });

  it('needs exactly one storage version and a schema', () => {
    const { errors } = created(customResourceDefinitionDef, crd([{ name: 'v1', served: true, storage: false }]));
    expect(errors).toContain('spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required');
    expect(errors.some((e) => e.endsWith('must have exactly one version marked as storage version'))).toBe(true);
  });

  it('keeps the scope immutable', () => {
    const { obj: old } = created(customResourceDefinitionDef, crd([{ name: 'v1', served: true, storage: true, schema }]));
    const next = structuredClone(old);
    (next.spec as Record<string, unknown>).scope = 'Cluster';
    expect(updated(customResourceDefinitionDef, next, old)).toContain('spec.scope: Invalid value: "Cluster": field is immutable');
  });
});

describe('customResourceDefs', () => {
  it('builds one row per served version with the additional printer columns', () => {
    const defs = customResourceDefs(
      crd([
        { name: 'v1beta1', served: true, storage: false, schema },
        { name: 'v1', served: true, storage: true, schema, subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } }, additionalPrinterColumns: [
          { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' },
          { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
          { name: 'Image', type: 'string', jsonPath: '.spec.containers[0].image', priority: 1 },
          { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        ] },
        { name: 'v0', served: false, storage: false, schema },
      ]),
    );
    expect(defs.map((d) => [d.version, d.preferred])).toEqual([['v1beta1', false], ['v1', true]]);
    const v1 = defs[1]!;
    expect(v1).toMatchObject({ group: 'stable.example.com', plural: 'crontabs', singular: 'crontab', shortNames: ['ct'], namespaced: true, custom: true, storagePrefix: '/registry/stable.example.com/crontabs', subresources: ['scale', 'status'] });
    expect(v1.columns.map((c) => [c.name, c.priority])).toEqual([['Name', 0], ['Spec', 0], ['Replicas', 0], ['Image', 1], ['Age', 0]]);
    const cr = { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'my-cron', creationTimestamp: ago(2 * HOUR) }, spec: { cronSpec: '* * * * */5', replicas: 2, containers: [{ image: 'my-awesome-cron-image' }] } };
    expect(v1.row(cr, CTX)).toEqual(['my-cron', '* * * * */5', 2, 'my-awesome-cron-image', '120m']);
    expect(defs[0]!.columns.map((c) => [c.name, c.type])).toEqual([['Name', 'string'], ['Age', 'date']]);
    expect(defs[0]!.row(cr, CTX)).toEqual(['my-cron', '120m']);
  });

  it('bumps generation on spec changes of custom resources', () => {
    const [d] = customResourceDefs(crd([{ name: 'v1', served: true, storage: true, schema, subresources: { status: {} } }]));
    const o: KObject = { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'c', namespace: 'default' }, spec: { a: 1 }, status: { x: 1 } };
    d!.prepareForCreate!(o);
    expect(o.metadata).toMatchObject({ generation: 1 });
    expect(o.status).toBeUndefined();
    const next = { ...structuredClone(o), spec: { a: 2 } };
    d!.prepareForUpdate!(next, o);
    expect(next.metadata.generation).toBe(2);
  });

  it('orders versions and reads JSONPaths', () => {
    expect(['v1alpha1', 'v2', 'v1beta1', 'v1', 'foo'].sort((a, b) => versionPriority(b) - versionPriority(a))).toEqual(['v2', 'v1', 'v1beta1', 'v1alpha1', 'foo']);
    expect(columnValue({ a: { b: [{ c: 3 }] } }, '.a.b[0].c', 'integer')).toBe(3);
    expect(columnValue({ a: 1 }, '.x.y', 'string')).toBeUndefined();
    // Operators' CRDs filter conditions, with or without spaces around ==.
    const status = { status: { conditions: [{ type: 'Issuing', status: 'False' }, { type: 'Ready', status: 'True' }] } };
    expect(columnValue(status, '.status.conditions[?(@.type=="Ready")].status', 'string')).toBe('True');
    expect(columnValue(status, '.status.conditions[?(@.type == "Ready")].status', 'string')).toBe('True');
    expect(columnValue({ spec: { ports: [80, 443] } }, '.spec.ports', 'string')).toBe('[80,443]');
    expect(columnValue({ a: 1 }, '.a[', 'string')).toBeUndefined();
  });
});
