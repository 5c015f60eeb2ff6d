import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { ResourceTypeError } from '../../discovery.ts';
import { ConnectionError } from '../../../../client/client.ts';
import { logDiscoveryFailures } from '../root/discovery-failure.ts';
import { formatTable } from '../../printers/tabwriter.ts';
import { accessRows, type PolicyRule } from './rules.ts';
import { authCanIHelp } from './texts.ts';

/** Verbs kubectl knows; others draw a warning. */
const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', 'escalate', 'approve', 'sign', '*'];
const NON_RESOURCE_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];
/** Resources an RBAC rule may name though no API serves them. */
const NON_STANDARD = ['users', 'groups', 'userextras', 'uids'];

interface ResourceRule { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }
interface NonResourceRule { verbs: string[]; nonResourceURLs?: string[] }

async function run(c: RunContext): Promise<number> {
  const quiet = c.flag<boolean>('quiet');
  const allNs = c.flag<boolean>('all-namespaces');
  const subresource = c.flag<string>('subresource');
  // Complete: the arguments, then the resource through discovery.
  if (c.flag<boolean>('list')) {
    if (c.args.length > 0) throw new UsageError('list option must be specified with no arguments', 'none');
    if (quiet || allNs || subresource) throw new UsageError("list option can't be specified with neither quiet, all-namespaces nor subresource options", 'none');
    return list(c);
  }
  if (c.args.length !== 2) throw new Error("you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  const [verb, target] = c.args as [string, string];
  const client = c.f.client();
  let spec: Record<string, unknown>;
  if (target.startsWith('/')) {
    if (subresource) throw new UsageError('--subresource can not be used with NonResourceURL', 'none');
    if (!NON_RESOURCE_VERBS.includes(verb)) c.err(`Warning: verb '${verb}' is not a known verb\n\n`);
    spec = { nonResourceAttributes: { path: target, verb } };
  } else {
    const slash = target.indexOf('/');
    const typed = slash >= 0 ? target.slice(0, slash) : target;
    const name = slash >= 0 ? target.slice(slash + 1) : '';
    let group = '';
    let resource = typed;
    // undefined when discovery does not know the resource: kubectl then cannot tell, and says nothing.
    let namespaced: boolean | undefined = true;
    if (typed !== '*') {
      const dot = typed.indexOf('.');
      try {
        const r = c.f.discovery().resolve(typed);
        group = r.group;
        resource = r.plural;
        namespaced = r.namespaced;
      } catch (e) {
        if (e instanceof ConnectionError) logDiscoveryFailures(c, 2, e);
        else if (!(e instanceof ResourceTypeError)) throw e;
        resource = dot >= 0 ? typed.slice(0, dot) : typed;
        group = dot >= 0 ? typed.slice(dot + 1) : '';
        namespaced = undefined;
        if (!NON_STANDARD.includes(resource)) {
          c.err(group ? `Warning: the server doesn't have a resource type '${resource}' in group '${group}'\n\n` : `Warning: the server doesn't have a resource type '${resource}'\n\n`);
        }
      }
    }
    // Validate: warnings only when checking one namespace, whatever namespace that is.
    if (!allNs) {
      if (namespaced === false) c.err(group ? `Warning: resource '${resource}' is not namespace scoped in group '${group}'\n\n` : `Warning: resource '${resource}' is not namespace scoped\n\n`);
      if (!RESOURCE_VERBS.includes(verb)) c.err(`Warning: verb '${verb}' is not a known verb\n\n`);
    }
    // kubectl sends the kubeconfig's namespace even for cluster-scoped resources, so bindings in that namespace count.
    const attrs: Record<string, unknown> = { namespace: allNs ? '' : c.f.namespace(), verb, group, resource };
    if (subresource) attrs.subresource = subresource;
    if (name) attrs.name = name;
    spec = { resourceAttributes: attrs };
  }
  if (c.flag<boolean>('no-headers')) throw new UsageError('--no-headers cannot be set without --list specified', 'none');
  const review = client.call<{ status?: { allowed?: boolean; denied?: boolean; reason?: string; evaluationError?: string } }>({
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    body: { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec, status: { allowed: false } },
  });
  const st = review.status ?? {};
  if (!quiet) {
    if (st.allowed) c.out('yes\n');
    else {
      let line = 'no';
      if (st.reason) line += ` - ${st.reason}`;
      if (st.evaluationError) line += ` - ${st.evaluationError}`;
      c.out(`${line}\n`);
    }
  }
  return st.allowed ? 0 : 1;
}

async function list(c: RunContext): Promise<number> {
  const ns = c.f.namespace();
  const review = c.f.client().call<{ status?: { resourceRules?: ResourceRule[]; nonResourceRules?: NonResourceRule[] } }>({
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    body: { kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec: { namespace: ns }, status: { resourceRules: null, nonResourceRules: null, incomplete: false } },
  });
  const st = review.status ?? {};
  const rules: PolicyRule[] = [
    ...(st.resourceRules ?? []).map((r) => ({ verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames ?? [], nonResourceURLs: [] })),
    ...(st.nonResourceRules ?? []).map((r) => ({ verbs: r.verbs ?? [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: r.nonResourceURLs ?? [] })),
  ];
  const rows: string[][] = c.flag<boolean>('no-headers') ? [] : [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']];
  rows.push(...accessRows(rules));
  c.out(formatTable(rows));
  return 0;
}

/** authCanICommand is `kubectl auth can-i`. */
export const authCanICommand: CommandDef = { name: 'can-i', ...authCanIHelp, run };
