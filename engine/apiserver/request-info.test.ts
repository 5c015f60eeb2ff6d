import { describe, expect, it } from 'vitest';
import { requestInfo } from './request-info.ts';

const pick = (method: string, path: string, query?: Record<string, string>) => {
  const i = requestInfo(method, path, query);
  return [i.isResourceRequest, i.verb, i.apiGroup, i.apiVersion, i.namespace, i.resource, i.name, i.subresource, i.parts.join('/')];
};

describe('requestInfo', () => {
  it('reads paths as RequestInfoFactory does', () => {
    expect(pick('GET', '/api/v1/namespaces/default/pods')).toEqual([true, 'list', '', 'v1', 'default', 'pods', '', '', 'pods']);
    expect(pick('GET', '/api/v1/namespaces/default/pods', { watch: 'true' })).toEqual([true, 'watch', '', 'v1', 'default', 'pods', '', '', 'pods']);
    expect(pick('PUT', '/api/v1/namespaces/default/pods/web/status')).toEqual([true, 'update', '', 'v1', 'default', 'pods', 'web', 'status', 'pods/web/status']);
    expect(pick('POST', '/api/v1/namespaces/default/pods/web/binding')).toEqual([true, 'create', '', 'v1', 'default', 'pods', 'web', 'binding', 'pods/web/binding']);
    expect(pick('GET', '/apis/apps/v1/watch/namespaces/x/deployments')).toEqual([true, 'watch', 'apps', 'v1', 'x', 'deployments', '', '', 'deployments']);
    expect(pick('GET', '/api/v1/namespaces/kube-system')).toEqual([true, 'get', '', 'v1', 'kube-system', 'namespaces', 'kube-system', '', 'namespaces/kube-system']);
    expect(pick('PUT', '/api/v1/namespaces/gone/finalize')).toEqual([true, 'update', '', 'v1', 'gone', 'namespaces', 'gone', 'finalize', 'namespaces/gone/finalize']);
    expect(pick('DELETE', '//api//v1/namespaces/a/configmaps/')).toEqual([true, 'deletecollection', '', 'v1', 'a', 'configmaps', '', '', 'configmaps']);
    expect(pick('GET', '/apis/apps')).toEqual([false, 'get', '', '', '', '', '', '', '']);
    expect(pick('GET', '/api/v1')).toEqual([false, 'get', '', 'v1', '', '', '', '', '']);
    expect(pick('GET', '/healthz')).toEqual([false, 'get', '', '', '', '', '', '', '']);
  });
});
