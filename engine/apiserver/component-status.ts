import { methodNotSupported, StatusError } from '../base/errors.ts';
import type { KObject } from '../api/types.ts';
import { headerValue, queryValue, type ApiResponse } from '../api/transport.ts';
import type { RequestScope, ServerContext } from './context.ts';
import { buildTable, wantsTable } from './table.ts';

/** ComponentHealth is one check's answer: the condition ComponentStatus reports. */
export interface ComponentHealth {
  /** True (probe succeeded), False (it answered unhealthy) or Unknown (it could not be reached) */
  status: 'True' | 'False' | 'Unknown';
  message: string;
  error: string;
}

/** ComponentCheck probes one component when a client asks. */
export type ComponentCheck = () => ComponentHealth;

/**
 * componentStatusConnector serves the legacy ComponentStatus API (`kubectl
 * get cs`) as the apiserver's componentstatus REST does: nothing is stored;
 * every get or list probes the components afresh (kube-scheduler's and
 * kube-controller-manager's /healthz on 127.0.0.1 of the apiserver's host,
 * each etcd storage backend), and the object has one Healthy condition. An
 * unknown name is not a NotFound Status but the plain error the real
 * storage returns ("Component not found: x").
 */
export function componentStatusConnector(checks: () => [string, ComponentCheck][]) {
  return (ctx: ServerContext, s: RequestScope): ApiResponse => {
    const statusOf = (name: string, check: ComponentCheck): KObject => {
      const h = check();
      return {
        kind: 'ComponentStatus',
        apiVersion: 'v1',
        metadata: { name },
        conditions: [{ type: 'Healthy', status: h.status, ...(h.message ? { message: h.message } : {}), ...(h.error ? { error: h.error } : {}) }],
      } as KObject;
    };
    const accept = headerValue(s.req, 'accept');
    const table = (items: KObject[]) => buildTable(s.def, items, { accept: accept!, includeObject: queryValue(s.req, 'includeObject'), resourceVersion: '', now: ctx.runtime.now });
    if (s.info.verb === 'get') {
      const found = checks().find(([name]) => name === s.info.name);
      if (!found) throw new StatusError({ code: 500, message: `Component not found: ${s.info.name}` });
      const obj = statusOf(...found);
      return { status: 200, body: wantsTable(accept) ? table([obj]) : obj };
    }
    if (s.info.verb !== 'list') throw methodNotSupported({ group: '', resource: 'componentstatuses' }, s.info.verb);
    const items = checks().map(([name, check]) => statusOf(name, check));
    return { status: 200, body: wantsTable(accept) ? table(items) : { kind: 'ComponentStatusList', apiVersion: 'v1', metadata: {}, items } };
  };
}
