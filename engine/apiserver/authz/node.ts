import { SYSTEM_NODE_RULES } from '../bootstrap/roles-cluster.ts';
import { ruleAllows, type PolicyRule } from './rbac-rules.ts';
import { hasPathFrom, type NodeGraphSource, type Vertex } from './node-graph.ts';
import type { Attributes, Authorizer, Decision } from './types.ts';

type Verdict = { decision: Decision; reason: string };
const ALLOW: Verdict = { decision: 'allow', reason: '' };
const no = (reason: string): Verdict => ({ decision: 'noopinion', reason });

/** nodeIdentity is the node name of a kubelet user (system:node:<name> in group system:nodes). */
export function nodeIdentity(user: { name: string; groups: string[] }): { node: string } | undefined {
  if (!user.groups.includes('system:nodes') || !user.name.startsWith('system:node:')) return undefined;
  return { node: user.name.slice('system:node:'.length) };
}

function related(src: NodeGraphSource, node: string, type: Vertex, a: Attributes): Verdict {
  if (!a.name) return no('No Object name found');
  return hasPathFrom(src, node, type, a.namespace, a.name) ? ALLOW : no(`no relationship found between node '${node}' and this object`);
}

function readNamespaced(src: NodeGraphSource, node: string, type: Vertex, a: Attributes): Verdict {
  if (!['get', 'list', 'watch'].includes(a.verb)) return no('can only read resources of this type');
  if (a.subresource) return no('cannot read subresource');
  if (!a.namespace) return no('can only read namespaced object of this type');
  return related(src, node, type, a);
}

function getOnly(src: NodeGraphSource, node: string, type: Vertex, a: Attributes): Verdict {
  if (a.verb !== 'get') return no('can only get individual resources of this type');
  if (a.subresource) return no('cannot get subresource');
  return related(src, node, type, a);
}

function nodes(node: string, a: Attributes, rules: PolicyRule[]): Verdict {
  if (a.verb === 'get') {
    if (a.name === node) return ALLOW;
    return no(a.name ? `node '${node}' cannot read '${a.name}', only its own Node object` : `node '${node}' cannot read all nodes, only its own Node object`);
  }
  return rules.some((r) => ruleAllows(a, r)) ? ALLOW : no('');
}

function leases(node: string, a: Attributes): Verdict {
  if (!['get', 'create', 'update', 'patch', 'delete'].includes(a.verb)) return no('can only get, create, update, patch, or delete a node lease');
  if (a.namespace !== 'kube-node-lease') return no(`can only access leases in the kube-node-lease namespace`);
  if (a.name !== node && !(a.verb === 'create' && a.name === '')) return no('can only access node lease with the same name as the requesting node');
  return ALLOW;
}

/**
 * nodeAuthorizer is --authorization-mode=Node: a kubelet may read only the
 * secrets, configmaps, claims and volumes of pods bound to it, request tokens
 * only for their service accounts, read only its own Node and use only its
 * own Lease; everything else it may do is the system:node role's rules.
 * Other users get no opinion (RBAC decides). Listing nodes and pods is
 * allowed without the field-selector check upstream makes, since request
 * attributes carry no selectors here.
 */
export function nodeAuthorizer(src: NodeGraphSource, rules: PolicyRule[] = SYSTEM_NODE_RULES): Authorizer {
  return {
    name: 'Node',
    authorize(a: Attributes) {
      const id = nodeIdentity(a.user);
      if (!id) return no('');
      if (!id.node) return no(`unknown node for user "${a.user.name}"`);
      const node = id.node;
      if (a.isResourceRequest) {
        const gr = `${a.apiGroup}/${a.resource}`;
        switch (gr) {
          case '/secrets':
            return readNamespaced(src, node, 'secrets', a);
          case '/configmaps':
            return readNamespaced(src, node, 'configmaps', a);
          case '/persistentvolumeclaims':
            if (a.subresource === 'status') return a.verb === 'update' || a.verb === 'patch' ? related(src, node, 'persistentvolumeclaims', a) : no('can only update or patch status');
            return getOnly(src, node, 'persistentvolumeclaims', a);
          case '/persistentvolumes':
            return getOnly(src, node, 'persistentvolumes', a);
          case '/serviceaccounts':
            if (a.verb !== 'create' || !a.name) return no('can only create tokens for individual service accounts');
            if (a.subresource !== 'token') return no('can only create token subresource of serviceaccount');
            return related(src, node, 'serviceaccounts', a);
          case 'coordination.k8s.io/leases':
            return leases(node, a);
          case '/nodes':
            return nodes(node, a, rules);
        }
      }
      return rules.some((r) => ruleAllows(a, r)) ? ALLOW : no('');
    },
  };
}
