import type { Check } from '../../pack/types.ts';
import { CheckError, statusMessage, type CheckContext, type Outcome } from './context.ts';
import { explainAccess, type Subject } from './rbac-explain.ts';

type Of<T extends Check['type']> = Extract<Check, { type: T }>;

/**
 * can-i asks the apiserver a SubjectAccessReview (what `kubectl auth can-i --as`
 * asks) and, when the answer is not the wanted one, reads the RBAC objects to
 * say which Role or binding is missing or too broad.
 */
export async function checkCanI(c: Of<'can-i'>, ctx: CheckContext): Promise<Outcome> {
  const subject = subjectOf(c);
  const ns = c.namespace;
  const res = await ctx.resolve({ kind: c.resource }, c.context).catch(() => undefined);
  const group = res?.group ?? '';
  const resource = res?.plural ?? c.resource;
  const sar = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec: {
      user: subject.user,
      groups: subject.groups,
      resourceAttributes: { verb: c.verb, group, resource, subresource: c.subresource, namespace: ns, name: c.name },
    },
  };
  const r = await ctx.api(c.context).request({ method: 'POST', path: '/apis/authorization.k8s.io/v1/subjectaccessreviews', body: sar });
  if (r.status >= 300) throw new CheckError(`the access review failed: ${statusMessage(r.body)}`);
  const allowed = (r.body as { status?: { allowed?: boolean } }).status?.allowed === true;
  const target = `${c.verb} ${resource}${c.subresource ? `/${c.subresource}` : ''}${c.name ? ` named ${c.name}` : ''}${ns ? ` in namespace ${ns}` : ' cluster-wide'}`;
  const who = subject.label;
  if (allowed === c.allowed) return { passed: true, message: `${who} ${allowed ? 'can' : 'cannot'} ${target}` };
  const why = await explainAccess(ctx.api(c.context), subject, { verb: c.verb, group, resource, subresource: c.subresource, namespace: ns, name: c.name }, allowed);
  return { passed: false, message: `${who} ${allowed ? 'can' : 'cannot'} ${target}, but ${c.allowed ? 'should' : 'should not'}: ${why}` };
}

function subjectOf(c: Of<'can-i'>): Subject {
  if (c.serviceAccount) {
    const [ns, name] = c.serviceAccount.includes(':') ? c.serviceAccount.split(':') : [c.namespace ?? 'default', c.serviceAccount];
    return {
      user: `system:serviceaccount:${ns}:${name}`,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
      label: `ServiceAccount ${ns}/${name}`,
      sa: { namespace: ns!, name: name! },
    };
  }
  if (!c.user) throw new CheckError('the check names neither a user nor a serviceAccount');
  return { user: c.user, groups: [...(c.groups ?? []), 'system:authenticated'], label: `user ${c.user}` };
}
