import { beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../registry.ts';
import { openApiV2, openApiV3Document, openApiV3Index } from './documents.ts';
import { loadOpenApiDefinitions, openApiDefinitions } from './load.ts';
import { customResourceDefs } from '../resources/apiextensions/custom-resource.ts';

type Schema = Record<string, any>;

describe('OpenAPI documents', () => {
  const registry = new Registry();
  let defs: Record<string, Schema>;
  beforeAll(async () => {
    await loadOpenApiDefinitions();
    defs = openApiDefinitions()!;
  });

  it('index every group version with a hashed link', () => {
    const index = openApiV3Index(registry, defs, 'v1.34.3') as { paths: Record<string, { serverRelativeURL: string }> };
    expect(index.paths['api/v1']!.serverRelativeURL).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
    expect(index.paths['apis/apps/v1']).toBeDefined();
    expect(index.paths['apis/rbac.authorization.k8s.io/v1']).toBeDefined();
  });

  it('publish a custom kind with its CRD schema, as kubectl explain reads it', () => {
    const reg = new Registry();
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'backups.lab.example.com' },
      spec: {
        group: 'lab.example.com',
        scope: 'Namespaced',
        names: { plural: 'backups', singular: 'backup', kind: 'Backup' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', description: 'What to back up.', properties: { schedule: { type: 'string' } } } } } } }],
      },
    };
    for (const d of customResourceDefs(crd as never)) reg.add(d);
    const doc = openApiV3Document(reg, 'lab.example.com/v1', defs, 'v1.34.3') as Schema;
    const backup = doc.components.schemas['com.example.lab.v1.Backup'];
    expect(backup['x-kubernetes-group-version-kind']).toEqual([{ group: 'lab.example.com', kind: 'Backup', version: 'v1' }]);
    expect(Object.keys(backup.properties).sort()).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(backup.properties.spec.properties.schedule).toEqual({ type: 'string' });
    expect(doc.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']).toBeDefined();
  });

  it('declare fieldValidation on PATCH of each kind, which kubectl checks before server-side validation', () => {
    const doc = openApiV3Document(registry, 'apps/v1', defs, 'v1.34.3') as Schema;
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch.parameters.map((p: Schema) => p.name)).toContain('fieldValidation');
    expect(doc.paths['/apis/apps/v1/deployments'].get['x-kubernetes-action']).toBe('list');
  });

  it('carry schemas with descriptions, formats and patch strategies, closed over their references', () => {
    const doc = openApiV3Document(registry, 'v1', defs, 'v1.34.3') as Schema;
    const schemas = doc.components.schemas as Record<string, Schema>;
    const pod = schemas['io.k8s.api.core.v1.Pod']!;
    expect(pod['x-kubernetes-group-version-kind']).toEqual([{ group: '', version: 'v1', kind: 'Pod' }]);
    expect(pod.description).toMatch(/^Pod is a collection of containers that can run on a host/);
    const spec = schemas['io.k8s.api.core.v1.PodSpec']!;
    expect(spec.properties.containers).toMatchObject({ type: 'array', 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' });
    expect(spec.properties.terminationGracePeriodSeconds).toMatchObject({ type: 'integer', format: 'int64' });
    expect(spec.required).toEqual(['containers']);
    for (const s of Object.values(schemas)) {
      JSON.stringify(s, (k, v) => {
        if (k === '$ref') expect(schemas[String(v).replace('#/components/schemas/', '')], String(v)).toBeDefined();
        return v;
      });
    }
  });

  it('give v2 clients plain #/definitions references', () => {
    const v2 = openApiV2(defs, 'v1.34.3') as { swagger: string; definitions: Record<string, Schema> };
    expect(v2.swagger).toBe('2.0');
    expect(v2.definitions['io.k8s.api.core.v1.Pod']!.properties.spec).toMatchObject({ $ref: '#/definitions/io.k8s.api.core.v1.PodSpec' });
    expect(JSON.stringify(v2)).not.toContain('#/components/');
  });
});
