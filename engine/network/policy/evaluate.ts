import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { cidrContains } from '../ip.ts';

/** Endpoint describes one side of a connection for policy: a pod (with its namespace's labels) or a bare address. */
export interface PolicyEndpoint {
  ip: string;
  pod?: Pod;
  namespaceLabels?: Record<string, string>;
}

/** selectorMatches applies a LabelSelector (matchLabels and matchExpressions); an empty selector matches everything. */
export function selectorMatches(sel: LabelSelector | undefined | null, labels: Record<string, string>): boolean {
  if (!sel) return true;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const vals = e.values ?? [];
    if (e.operator === 'In' && !(has && vals.includes(labels[e.key]!))) return false;
    if (e.operator === 'NotIn' && has && vals.includes(labels[e.key]!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** policyTypesOf is spec.policyTypes, defaulted as the API does: Ingress always, Egress when egress rules exist. */
export function policyTypesOf(np: NetworkPolicy): string[] {
  const t = np.spec?.policyTypes;
  if (t && t.length) return t;
  return np.spec?.egress && np.spec.egress.length ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** selects tells whether a policy applies to a pod (same namespace, podSelector matches). */
export function selects(np: NetworkPolicy, pod: Pod): boolean {
  return np.metadata?.namespace === pod.metadata?.namespace && selectorMatches(np.spec?.podSelector, pod.metadata?.labels ?? {});
}

/**
 * peerMatches applies one from/to entry. podSelector alone means pods of the
 * policy's namespace; namespaceSelector alone means every pod of the matching
 * namespaces; both together mean pods matching podSelector in those
 * namespaces; ipBlock matches addresses in cidr minus except.
 */
export function peerMatches(peer: NetworkPolicyPeer, policyNs: string, other: PolicyEndpoint): boolean {
  if (peer.ipBlock) {
    if (!cidrContains(peer.ipBlock.cidr, other.ip)) return false;
    return !(peer.ipBlock.except ?? []).some((c) => cidrContains(c, other.ip));
  }
  if (!other.pod) return false;
  const podNs = other.pod.metadata?.namespace ?? '';
  const podLabels = other.pod.metadata?.labels ?? {};
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, other.namespaceLabels ?? { 'kubernetes.io/metadata.name': podNs })) return false;
  } else if (podNs !== policyNs) return false;
  return peer.podSelector ? selectorMatches(peer.podSelector, podLabels) : true;
}

/** portMatches applies one ports entry to the destination port; named ports are looked up on the destination pod. */
export function portMatches(rule: NetworkPolicyPort, port: number, protocols: string[], dest: Pod | undefined): boolean {
  const proto = rule.protocol ?? 'TCP';
  if (!protocols.includes(proto)) return false;
  if (rule.port === undefined || rule.port === null) return true;
  if (typeof rule.port === 'number') {
    const end = rule.endPort ?? rule.port;
    return port >= rule.port && port <= end;
  }
  if (/^\d+$/.test(rule.port)) return Number(rule.port) === port;
  const named = (dest?.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((cp) => cp.name === rule.port && (cp.protocol ?? 'TCP') === proto);
  return named?.containerPort === port;
}

/**
 * allowedIngress decides whether dst (a pod) accepts a connection from src on
 * port: it is isolated for ingress when any policy of type Ingress selects
 * it, and then some rule of those policies must allow both peer and port.
 */
export function allowedIngress(policies: NetworkPolicy[], src: PolicyEndpoint, dst: Pod, port: number, protocols: string[]): boolean {
  const applying = policies.filter((np) => selects(np, dst) && policyTypesOf(np).includes('Ingress'));
  if (applying.length === 0) return true;
  return applying.some((np) =>
    (np.spec?.ingress ?? []).some(
      (rule) =>
        (!rule.from || rule.from.length === 0 || rule.from.some((peer) => peerMatches(peer, np.metadata?.namespace ?? '', src))) &&
        (!rule.ports || rule.ports.length === 0 || rule.ports.some((pr) => portMatches(pr, port, protocols, dst))),
    ),
  );
}

/** allowedEgress is the same decision for a source pod's egress to dst. */
export function allowedEgress(policies: NetworkPolicy[], src: Pod, dst: PolicyEndpoint, port: number, protocols: string[]): boolean {
  const applying = policies.filter((np) => selects(np, src) && policyTypesOf(np).includes('Egress'));
  if (applying.length === 0) return true;
  return applying.some((np) =>
    (np.spec?.egress ?? []).some(
      (rule) =>
        (!rule.to || rule.to.length === 0 || rule.to.some((peer) => peerMatches(peer, np.metadata?.namespace ?? '', dst))) &&
        (!rule.ports || rule.ports.length === 0 || rule.ports.some((pr) => portMatches(pr, port, protocols, dst.pod))),
    ),
  );
}
