import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, ns, pod, request, thrownMessage } from '../testing/fake-view.ts';
import { podSecurity } from './pod-security.ts';
import { policyToEvaluate } from './policy.ts';

const plugin = podSecurity();
const restricted = { 'pod-security.kubernetes.io/enforce': 'restricted' };
const RESTRICTED_NGINX =
  'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

function check(o: KObject, view: FakeView, op: 'CREATE' | 'UPDATE' = 'CREATE', old?: KObject): { error: string; warnings: string[] } {
  const req = request(op, o, { old });
  const error = thrownMessage(() => plugin.validate!(req, view));
  return { error, warnings: req.warnings };
}

const hardened = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [{ name: 'c', image: 'nginx', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
};

describe('PodSecurity', () => {
  it('refuses a plain pod in a restricted namespace with the exact text', () => {
    const r = check(pod('p', 'dev'), new FakeView([ns('dev', restricted)]));
    expect(r.error).toBe(`pods "p" is forbidden: ${RESTRICTED_NGINX}`);
  });

  it('admits a hardened pod', () => {
    expect(check(pod('p', 'dev', hardened), new FakeView([ns('dev', restricted)]))).toEqual({ error: '', warnings: [] });
  });

  it('enforces baseline: privileged, host namespaces, hostPath, hostPort, capabilities', () => {
    const view = new FakeView([ns('dev', { 'pod-security.kubernetes.io/enforce': 'baseline' })]);
    const bad = pod('p', 'dev', {
      hostNetwork: true,
      hostPID: true,
      volumes: [{ name: 'data', hostPath: { path: '/data' } }],
      containers: [
        { name: 'a', image: 'x', securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN', 'CHOWN'] } }, ports: [{ containerPort: 80, hostPort: 8080 }] },
        { name: 'b', image: 'x', securityContext: { privileged: true } },
      ],
    });
    expect(check(bad, view).error).toBe(
      'pods "p" is forbidden: violates PodSecurity "baseline:latest": non-default capabilities (container "a" must not include "NET_ADMIN" in securityContext.capabilities.add), host namespaces (hostNetwork=true, hostPID=true), hostPath volumes (volume "data"), hostPort (container "a" uses hostPort 8080), privileged (containers "a", "b" must not set securityContext.privileged=true)',
    );
  });

  it('warns without refusing in warn mode, and for workloads whose template would violate', () => {
    const view = new FakeView([ns('dev', { 'pod-security.kubernetes.io/warn': 'restricted' })]);
    expect(check(pod('p', 'dev'), view)).toEqual({ error: '', warnings: [`would ${RESTRICTED_NGINX.replace('violates', 'violate')}`] });
    const enforced = new FakeView([ns('dev', restricted)]);
    const dep: KObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'dev' },
      spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    };
    expect(check(dep, enforced)).toEqual({ error: '', warnings: [`would ${RESTRICTED_NGINX.replace('violates', 'violate')}`] });
  });

  it('honours versions: runAsUser=0 only counts from v1.23, host probes only from v1.34', () => {
    const spec = { ...hardened, securityContext: { ...hardened.securityContext, runAsUser: 0 } };
    const at = (v: string) => new FakeView([ns('dev', { ...restricted, 'pod-security.kubernetes.io/enforce-version': v })]);
    expect(check(pod('p', 'dev', spec), at('v1.22')).error).toBe('');
    expect(check(pod('p', 'dev', spec), at('v1.23')).error).toBe('pods "p" is forbidden: violates PodSecurity "restricted:v1.23": runAsUser=0 (pod must not set runAsUser=0)');
    const probe = { containers: [{ name: 'c', image: 'x', livenessProbe: { httpGet: { host: '10.0.0.1', port: 80 } } }] };
    const base = (v: string) => new FakeView([ns('dev', { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': v })]);
    expect(check(pod('p', 'dev', probe), base('v1.33')).error).toBe('');
    expect(check(pod('p', 'dev', probe), base('latest')).error).toBe(
      'pods "p" is forbidden: violates PodSecurity "baseline:latest": probe or lifecycle host (container "c" uses probe or lifecycle host "10.0.0.1")',
    );
  });

  it('rejects bad namespace labels and warns about existing pods when enforce tightens', () => {
    const view = new FakeView([ns('dev'), pod('web-1', 'dev'), pod('web-2', 'dev'), pod('ok', 'dev', hardened)]);
    expect(check(ns('x', { 'pod-security.kubernetes.io/enforce': 'strict' }), view).error).toBe(
      'Namespace "x" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
    );
    const r = check(ns('dev', restricted), view, 'UPDATE', ns('dev'));
    expect(r).toEqual({
      error: '',
      warnings: [
        'existing pods in namespace "dev" violate the new PodSecurity enforce level "restricted:latest"',
        'web-1 (and 1 other pod): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      ],
    });
  });

  it('defaults warn to the enforce level and ignores insignificant pod updates', () => {
    expect(policyToEvaluate({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.30' }).policy.warn).toEqual({ level: 'baseline', version: 30 });
    const view = new FakeView([ns('dev', restricted)]);
    const old = pod('p', 'dev');
    const relabeled = structuredClone(old);
    relabeled.metadata.labels = { a: 'b' };
    expect(check(relabeled, view, 'UPDATE', old).error).toBe('');
  });
});
