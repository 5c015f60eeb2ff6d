import { describe, expect, it } from 'vitest';
import { testApiServer } from '../testing/harness.ts';

const admin = { token: 'admin' };
const PODS = '/api/v1/namespaces/default/pods';
const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments';

const pod = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'c', image: 'nginx', ...container }], ...extra },
});

describe('typed decoding and field validation of writes', () => {
  it('rejects unknown fields with fieldValidation=Strict, naming each with its path', () => {
    const { server, kv } = testApiServer();
    const before = kv.revision;
    const r = server.request({ method: 'POST', path: PODS, query: { fieldValidation: 'Strict' }, body: pod({ imagee: 'x' }, { restartPolicyy: 'Never' }), credentials: admin });
    expect(r.status).toBe(400);
    expect((r.body as { message: string }).message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.restartPolicyy"');
    expect(kv.revision).toBe(before);
  });

  it('warns about unknown fields by default and drops them', () => {
    const { server } = testApiServer();
    const r = server.request({ method: 'POST', path: PODS, body: pod({ imagee: 'x' }), credentials: admin });
    expect(r.status).toBe(201);
    expect(r.warnings).toEqual(['unknown field "spec.containers[0].imagee"']);
    expect(JSON.stringify(r.body)).not.toContain('imagee');
    const quiet = server.request({ method: 'POST', path: PODS, query: { fieldValidation: 'Ignore' }, body: { ...pod({ imagee: 'x' }), metadata: { name: 'q' } }, credentials: admin });
    expect(quiet.status).toBe(201);
    expect(quiet.warnings ?? []).toEqual([]);
  });

  it('reports a value of the wrong type as Go does, whatever the validation mode', () => {
    const { server } = testApiServer();
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: '3', selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    };
    const r = server.request({ method: 'POST', path: DEPLOYS, query: { fieldValidation: 'Ignore' }, body: d, credentials: admin });
    expect(r.status).toBe(400);
    expect((r.body as { message: string }).message).toBe('Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    const port = server.request({ method: 'POST', path: PODS, body: pod({ ports: [{ containerPort: 'eighty' }] }), credentials: admin });
    expect((port.body as { message: string }).message).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
    const list = server.request({ method: 'POST', path: PODS, body: { ...pod({}), spec: { containers: { name: 'c' } } }, credentials: admin });
    expect((list.body as { message: string }).message).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container');
    const q = server.request({ method: 'POST', path: PODS, body: pod({ resources: { limits: { memory: '10 MB' } } }), credentials: admin });
    expect((q.body as { message: string }).message).toBe("Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });

  it('treats null as unset and a null list item as an empty one', () => {
    const { server } = testApiServer();
    const r = server.request({ method: 'POST', path: PODS, body: pod({ ports: [null] }, { nodeSelector: null }), credentials: admin });
    expect(r.status).toBe(422);
    expect((r.body as { message: string }).message).toContain('spec.containers[0].ports[0].containerPort: Required value');
  });

  it('checks patched objects too', () => {
    const { server } = testApiServer();
    server.request({ method: 'POST', path: PODS, body: pod({}), credentials: admin });
    const r = server.request({
      method: 'PATCH',
      path: `${PODS}/p`,
      query: { fieldValidation: 'Strict' },
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { metadata: { labelz: { a: 'b' } } },
      credentials: admin,
    });
    expect((r.body as { message: string }).message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.labelz"');
  });
});
