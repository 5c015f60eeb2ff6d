/** Node labels a kubelet may set on its own Node (k8s.io/kubelet/pkg/apis: IsKubeletLabel). */
const KUBELET_LABELS = new Set([
  'kubernetes.io/hostname',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
  'beta.kubernetes.io/instance-type',
  'node.kubernetes.io/instance-type',
  'beta.kubernetes.io/os',
  'beta.kubernetes.io/arch',
  'kubernetes.io/os',
  'kubernetes.io/arch',
]);
const KUBELET_NAMESPACES = ['kubelet.kubernetes.io', 'node.kubernetes.io'];

function namespaceOf(label: string): string {
  const i = label.indexOf('/');
  return i < 0 ? '' : label.slice(0, i);
}

function isKubeletLabel(label: string): boolean {
  if (KUBELET_LABELS.has(label)) return true;
  const ns = namespaceOf(label);
  return KUBELET_NAMESPACES.some((k) => ns === k || ns.endsWith(`.${k}`));
}

function isKubernetesLabel(label: string): boolean {
  const ns = namespaceOf(label);
  return ['kubernetes.io', 'k8s.io'].some((k) => ns === k || ns.endsWith(`.${k}`));
}

/** modifiedLabels lists labels added, removed or changed between two label maps. */
export function modifiedLabels(now: Record<string, string> = {}, before: Record<string, string> = {}): string[] {
  const keys = new Set([...Object.keys(now), ...Object.keys(before)]);
  return [...keys].filter((k) => now[k] !== before[k]);
}

/** forbiddenLabels: node-restriction.kubernetes.io/ labels, and kubernetes.io / k8s.io labels outside the kubelet's set. */
export function forbiddenLabels(labels: string[]): string[] {
  const out = labels.filter((l) => {
    const ns = namespaceOf(l);
    if (ns === 'node-restriction.kubernetes.io' || ns.endsWith('.node-restriction.kubernetes.io')) return true;
    return isKubernetesLabel(l) && !isKubeletLabel(l);
  });
  return [...new Set(out)].sort();
}
