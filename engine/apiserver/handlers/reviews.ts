import { clone, isPlainObject } from '../../base/deep.ts';
import { badRequest, methodNotSupported, notFound, StatusError } from '../../base/errors.ts';
import { groupResource, type KObject } from '../../api/types.ts';
import type { ApiResponse } from '../../api/transport.ts';
import type { UserInfo } from '../authn/types.ts';
import type { Attributes } from '../authz/types.ts';
import type { RequestScope, ServerContext } from '../context.ts';
import { decodeBody } from './write.ts';
import { ok } from './read.ts';
import { subresourceRequest } from './subresource.ts';

/**
 * Kinds that are never stored: the access reviews (kubectl auth can-i),
 * TokenReview, SelfSubjectReview (kubectl auth whoami), the legacy Binding
 * collection and ComponentStatus (computed from the components' health).
 */
export function reviewRequest(ctx: ServerContext, s: RequestScope): ApiResponse {
  const plural = s.def.plural;
  // An aggregated API (metrics.k8s.io) is served by the connector its add-on installs under "group/plural".
  const aggregated = s.def.group ? ctx.connectors[`${s.def.group}/${plural}`] : undefined;
  if (aggregated) return aggregated(ctx, s);
  if (plural === 'componentstatuses') {
    const connector = ctx.connectors['componentstatuses'];
    if (!connector) throw notFound(groupResource(s.def), s.info.name);
    return connector(ctx, s);
  }
  if (s.info.verb !== 'create') throw methodNotSupported(groupResource(s.def), s.info.verb);
  if (plural === 'bindings') {
    const b = decodeBody(s);
    const name = b.metadata.name ?? '';
    return subresourceRequest(ctx, { ...s, def: ctx.registry.lookup('', 'v1', 'pods')!, info: { ...s.info, resource: 'pods', name, subresource: 'binding' } });
  }
  const obj = decodeBody(s);
  const spec = (isPlainObject(obj.spec) ? obj.spec : {}) as Record<string, unknown>;
  const out: KObject = clone(obj);
  out.metadata = { ...(out.metadata ?? {}) };
  switch (plural) {
    case 'selfsubjectaccessreviews':
      out.status = access(ctx, s.user, spec);
      break;
    case 'subjectaccessreviews':
    case 'localsubjectaccessreviews': {
      const user: UserInfo = { name: String(spec.user ?? ''), groups: (spec.groups as string[]) ?? [], uid: spec.uid as string | undefined };
      if (plural === 'localsubjectaccessreviews') {
        const ra = spec.resourceAttributes as { namespace?: string } | undefined;
        if (ra?.namespace !== s.info.namespace) {
          throw new StatusError({ reason: 'BadRequest', code: 400, message: `spec.resourceAttributes.namespace must match namespace: ${s.info.namespace}` });
        }
      }
      out.status = access(ctx, user, spec);
      break;
    }
    case 'selfsubjectrulesreviews': {
      const ns = String(spec.namespace ?? '');
      const rules = ctx.rules(s.user, ns);
      out.status = {
        resourceRules: rules.filter((r) => !r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames })),
        nonResourceRules: rules.filter((r) => r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
        incomplete: false,
      };
      break;
    }
    case 'selfsubjectreviews':
      out.status = { userInfo: userJson(s.user) };
      break;
    case 'tokenreviews': {
      const token = String(spec.token ?? '');
      if (!token) throw badRequest('spec.token: Required value');
      const user = ctx.authenticateToken(token);
      out.status = user ? { authenticated: true, user: userJson(user), audiences: (spec.audiences as string[]) ?? ['https://kubernetes.default.svc.cluster.local'] } : { user: {}, error: '[invalid bearer token, token lookup failed]' };
      break;
    }
    default:
      throw methodNotSupported(groupResource(s.def), s.info.verb);
  }
  return ok(out, 201);
}

function userJson(u: UserInfo): Record<string, unknown> {
  const j: Record<string, unknown> = { username: u.name };
  if (u.uid) j.uid = u.uid;
  j.groups = u.groups;
  if (u.extra && Object.keys(u.extra).length) j.extra = u.extra;
  return j;
}

function access(ctx: ServerContext, user: UserInfo, spec: Record<string, unknown>): Record<string, unknown> {
  const ra = spec.resourceAttributes as { namespace?: string; verb?: string; group?: string; version?: string; resource?: string; subresource?: string; name?: string } | undefined;
  const nra = spec.nonResourceAttributes as { path?: string; verb?: string } | undefined;
  const attrs: Attributes = ra
    ? { user, verb: ra.verb ?? '', isResourceRequest: true, path: '', namespace: ra.namespace ?? '', apiGroup: ra.group ?? '', apiVersion: ra.version ?? '', resource: ra.resource ?? '', subresource: ra.subresource ?? '', name: ra.name ?? '' }
    : { user, verb: nra?.verb ?? '', isResourceRequest: false, path: nra?.path ?? '', namespace: '', apiGroup: '', apiVersion: '', resource: '', subresource: '', name: '' };
  const r = ctx.authorize(attrs);
  return r.allowed ? { allowed: true, reason: r.reason } : r.reason ? { allowed: false, reason: r.reason } : { allowed: false };
}
