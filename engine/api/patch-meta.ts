/**
 * Strategic-merge-patch metadata: which lists merge by a key instead of being
 * replaced (the patchStrategy/patchMergeKey struct tags of the Kubernetes API
 * types). Read by the apiserver when it applies a strategic merge patch and by
 * kubectl when it computes one (apply, edit, set, label…).
 */
export interface ListMeta {
  /** merge: items are matched by mergeKey (or by value for primitive lists) and merged */
  strategy: 'merge' | 'replace';
  mergeKey?: string;
}

const BY_FIELD: Record<string, ListMeta> = {
  containers: { strategy: 'merge', mergeKey: 'name' },
  initContainers: { strategy: 'merge', mergeKey: 'name' },
  ephemeralContainers: { strategy: 'merge', mergeKey: 'name' },
  env: { strategy: 'merge', mergeKey: 'name' },
  volumes: { strategy: 'merge', mergeKey: 'name' },
  volumeMounts: { strategy: 'merge', mergeKey: 'mountPath' },
  volumeDevices: { strategy: 'merge', mergeKey: 'devicePath' },
  imagePullSecrets: { strategy: 'merge', mergeKey: 'name' },
  hostAliases: { strategy: 'merge', mergeKey: 'ip' },
  conditions: { strategy: 'merge', mergeKey: 'type' },
  ownerReferences: { strategy: 'merge', mergeKey: 'uid' },
  finalizers: { strategy: 'merge' },
  topologySpreadConstraints: { strategy: 'merge', mergeKey: 'topologyKey' },
  resourceClaims: { strategy: 'merge', mergeKey: 'name' },
  schedulingGates: { strategy: 'merge', mergeKey: 'name' },
  secrets: { strategy: 'merge', mergeKey: 'name' },
};

/** fields whose map value is replaced wholesale when the patch names another member (retainKeys) */
const RETAIN_KEYS = new Set(['strategy', 'updateStrategy']);

/**
 * listMeta answers the strategy for the list at path (field names from the
 * object root, indices omitted) in an object of kind.
 */
export function listMeta(kind: string, path: readonly string[]): ListMeta {
  const field = path[path.length - 1] ?? '';
  if (field === 'ports') {
    if (kind === 'Service' && path.length === 2 && path[0] === 'spec') return { strategy: 'merge', mergeKey: 'port' };
    if (path.includes('containers') || path.includes('initContainers') || path.includes('ephemeralContainers')) {
      return { strategy: 'merge', mergeKey: 'containerPort' };
    }
    return { strategy: 'replace' };
  }
  if (field === 'addresses' && kind === 'Node') return { strategy: 'merge', mergeKey: 'type' };
  if (field === 'secrets' && kind !== 'ServiceAccount') return { strategy: 'replace' };
  return BY_FIELD[field] ?? { strategy: 'replace' };
}

/** retainKeys reports whether the map at path uses the retainKeys strategy. */
export function usesRetainKeys(path: readonly string[]): boolean {
  return RETAIN_KEYS.has(path[path.length - 1] ?? '');
}
