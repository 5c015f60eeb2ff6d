import type { ContainerPort, Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches, type Requirement, type Selector } from '../../base/labels.ts';
import { podKey, podPriority } from './api.ts';
import { calculatePodResource, type PodResource } from './resources.ts';

/** AffinityTerm is framework.AffinityTerm: a processed PodAffinityTerm. */
export interface AffinityTerm {
  namespaces: Set<string>;
  selector: Selector;
  topologyKey: string;
  namespaceSelector: Selector;
}

/** WeightedAffinityTerm is a preferred term with its weight. */
export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

/** termMatches is AffinityTerm.Matches: the namespace is listed or selected, and the labels match. */
export function termMatches(t: AffinityTerm, pod: Pod, nsLabels: Record<string, string> | undefined): boolean {
  if (t.namespaces.has(pod.metadata?.namespace ?? '') || matches(t.namespaceSelector, nsLabels)) return matches(t.selector, pod.metadata?.labels);
  return false;
}

/** podMatchesAllTerms reports whether pod matches every term (false for no terms). */
export function podMatchesAllTerms(terms: readonly AffinityTerm[], pod: Pod, nsLabels?: Record<string, string>): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod, nsLabels)) return false;
  return true;
}

/** newAffinityTerm processes a PodAffinityTerm, merging matchLabelKeys/mismatchLabelKeys with the pod's own label values. */
function newAffinityTerm(pod: Pod, term: PodAffinityTerm): AffinityTerm {
  const selector = fromLabelSelector(term.labelSelector);
  const labels = pod.metadata?.labels ?? {};
  const extra: Requirement[] = [];
  if (term.labelSelector) {
    for (const k of term.matchLabelKeys ?? []) if (k in labels) extra.push({ key: k, operator: 'in', values: [labels[k]!] });
    for (const k of term.mismatchLabelKeys ?? []) if (k in labels) extra.push({ key: k, operator: 'notin', values: [labels[k]!] });
  }
  const namespaces = new Set<string>();
  if ((term.namespaces ?? []).length === 0 && !term.namespaceSelector) namespaces.add(pod.metadata?.namespace ?? '');
  else for (const n of term.namespaces ?? []) namespaces.add(n);
  return {
    namespaces,
    selector: extra.length ? { ...selector, requirements: [...selector.requirements, ...extra] } : selector,
    topologyKey: term.topologyKey,
    namespaceSelector: fromLabelSelector(term.namespaceSelector),
  };
}

function weighted(pod: Pod, terms: WeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] {
  return (terms ?? []).map((t) => ({ ...newAffinityTerm(pod, t.podAffinityTerm), weight: t.weight }));
}

/** HostPort is a host port a pod takes (ip "0.0.0.0" and protocol "TCP" when unset). */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** hostPortsOf is schedutil.GetHostPorts: ports with hostPort > 0 of containers and sidecars. */
export function hostPortsOf(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  const take = (ports: ContainerPort[] | undefined) => {
    for (const p of ports ?? []) if ((p.hostPort ?? 0) > 0) out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort! });
  };
  for (const c of pod.spec?.initContainers ?? []) if (c.restartPolicy === 'Always') take(c.ports);
  for (const c of pod.spec?.containers ?? []) take(c.ports);
  return out;
}

/** pvcKeysOf is framework.PodPVCKeys: namespace/claim for every PVC-backed volume. */
export function pvcKeysOf(pod: Pod): string[] {
  const ns = pod.metadata?.namespace ?? '';
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push(`${ns}/${v.persistentVolumeClaim.claimName}`);
    else if (v.ephemeral) out.push(`${ns}/${pod.metadata?.name ?? ''}-${v.name}`);
  }
  return out;
}

/**
 * PodInfo is framework.PodInfo: a pod with what every cycle would otherwise
 * recompute (affinity terms, requests, host ports), parsed once when the pod
 * enters the cache or the queue.
 */
export class PodInfo {
  readonly uid: string;
  readonly key: string;
  readonly priority: number;
  readonly requiredAffinityTerms: AffinityTerm[];
  readonly requiredAntiAffinityTerms: AffinityTerm[];
  readonly preferredAffinityTerms: WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: WeightedAffinityTerm[];
  /** hasAffinity: the pod has podAffinity or podAntiAffinity (NodeInfo.PodsWithAffinity). */
  readonly hasAffinity: boolean;
  /** hasRequiredAntiAffinity: the pod has required anti-affinity terms. */
  readonly hasRequiredAntiAffinity: boolean;
  private res: PodResource | undefined;
  private ports: HostPort[] | undefined;

  /** from shares what was computed for an earlier version of the same pod whose spec did not change (binding only sets nodeName). */
  constructor(
    readonly pod: Pod,
    from?: PodInfo,
  ) {
    if (from) {
      this.res = from.res;
      this.ports = from.ports;
    }
    this.uid = pod.metadata?.uid ?? '';
    this.key = podKey(pod);
    this.priority = podPriority(pod);
    const a = pod.spec?.affinity;
    this.requiredAffinityTerms = (a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => newAffinityTerm(pod, t));
    this.requiredAntiAffinityTerms = (a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => newAffinityTerm(pod, t));
    this.preferredAffinityTerms = weighted(pod, a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    this.preferredAntiAffinityTerms = weighted(pod, a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    this.hasAffinity = !!(a && (a.podAffinity || a.podAntiAffinity));
    this.hasRequiredAntiAffinity = this.requiredAntiAffinityTerms.length > 0;
  }

  /** resource is what the pod requests (computed once). */
  get resource(): PodResource {
    return (this.res ??= calculatePodResource(this.pod));
  }

  /** hostPorts are the host ports the pod takes (computed once). */
  get hostPorts(): HostPort[] {
    return (this.ports ??= hostPortsOf(this.pod));
  }
}
