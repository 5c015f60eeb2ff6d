import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchema, topLevelKinds } from './build.ts';
import { parseModule, parseType, resolve } from './dts.ts';
import { readModules, SCHEMA_FILE, schemaText } from './generate.ts';

describe('declaration reader', () => {
  it('reads the type shapes the declarations use', () => {
    expect(parseType('Array<Container>')).toEqual({ t: 'array', items: { t: 'ref', name: 'Container' } });
    expect(parseType('number | string')).toEqual({ t: 'union', of: [{ t: 'number' }, { t: 'string' }] });
    expect(parseType('{ [name: string]: Quantity; }')).toEqual({ t: 'map', values: { t: 'ref', name: 'Quantity' } });
    expect(parseType('"apps/v1"')).toEqual({ t: 'literal', value: 'apps/v1' });
    expect(resolve('core/v1', '../meta/v1')).toBe('meta/v1');
  });

  it('turns an interface into a closed object schema with its docs and required fields', () => {
    const m = parseModule(
      'demo/v1',
      [
        'import { ObjectMeta } from "../meta/v1";',
        '/** Widget is a demo. */',
        'export interface Widget {',
        '    apiVersion?: "demo/v1";',
        '    kind?: "Widget";',
        '    /** Standard metadata. */',
        '    metadata?: ObjectMeta;',
        '    size: number;',
        '    labels?: {',
        '        [name: string]: string;',
        '    };',
        '    readonly status?: string;',
        '}',
      ].join('\n'),
    );
    const s = buildSchema([m]) as { definitions: Record<string, Record<string, unknown>>; allOf: unknown[] };
    expect(s.definitions['demo.v1.Widget']).toEqual({
      description: 'Widget is a demo.',
      type: 'object',
      properties: {
        apiVersion: { type: 'string', enum: ['demo/v1'] },
        kind: { type: 'string', enum: ['Widget'] },
        metadata: { description: 'Standard metadata.', $ref: '#/definitions/meta.v1.ObjectMeta' },
        size: { type: 'number' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        status: { type: 'string' },
      },
      required: ['size'],
      additionalProperties: false,
    });
    expect(s.allOf).toHaveLength(1);
  });
});

describe('kubernetes.schema.json', () => {
  const modules = readModules();

  it('covers the kinds a CKA candidate writes, in their served versions', () => {
    const kinds = topLevelKinds(modules).map((k) => `${k.apiVersion} ${k.kind}`);
    for (const k of [
      'v1 Pod', 'v1 Service', 'v1 ConfigMap', 'v1 Secret', 'v1 Namespace', 'v1 PersistentVolume', 'v1 PersistentVolumeClaim', 'v1 ServiceAccount',
      'apps/v1 Deployment', 'apps/v1 DaemonSet', 'apps/v1 StatefulSet', 'batch/v1 Job', 'batch/v1 CronJob',
      'networking.k8s.io/v1 Ingress', 'networking.k8s.io/v1 NetworkPolicy', 'rbac.authorization.k8s.io/v1 Role', 'rbac.authorization.k8s.io/v1 ClusterRoleBinding',
      'storage.k8s.io/v1 StorageClass', 'autoscaling/v2 HorizontalPodAutoscaler', 'policy/v1 PodDisruptionBudget', 'scheduling.k8s.io/v1 PriorityClass',
    ]) expect(kinds).toContain(k);
    expect(kinds.some((k) => /alpha|beta/.test(k))).toBe(false);
  });

  it('is the committed file (re-run generate.ts after updating kubernetes-types)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('lets quantities be numbers and int-or-string fields be either', () => {
    const s = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { definitions: Record<string, { properties?: Record<string, unknown> }> };
    expect(s.definitions['api.resource.Quantity']).toMatchObject({ anyOf: [{ type: 'string' }, { type: 'number' }] });
    expect(s.definitions['core.v1.ContainerPort']!.properties!.containerPort).toMatchObject({ type: 'number' });
    expect(s.definitions['core.v1.ServicePort']!.properties!.targetPort).toMatchObject({ type: ['number', 'string'] });
  });
});
