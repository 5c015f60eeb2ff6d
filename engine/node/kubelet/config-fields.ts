/**
 * The fields of KubeletConfiguration (kubelet.config.k8s.io/v1beta1), for the
 * kubelet's strict decoding: a field not listed here is an "unknown field".
 * Nested objects the lab checks list their own fields; others are opaque.
 */
const TOP = [
  'apiVersion', 'kind', 'enableServer', 'staticPodPath', 'podLogsDir', 'syncFrequency', 'fileCheckFrequency', 'httpCheckFrequency', 'staticPodURL',
  'staticPodURLHeader', 'address', 'port', 'readOnlyPort', 'tlsCertFile', 'tlsPrivateKeyFile', 'tlsCipherSuites', 'tlsCurvePreferences', 'tlsMinVersion',
  'rotateCertificates', 'serverTLSBootstrap', 'authentication', 'authorization', 'registryPullQPS', 'registryBurst', 'imagePullCredentialsVerificationPolicy',
  'preloadedImagesVerificationAllowlist', 'eventRecordQPS', 'eventBurst', 'enableDebuggingHandlers', 'enableContentionProfiling', 'healthzPort',
  'healthzBindAddress', 'oomScoreAdj', 'clusterDomain', 'clusterDNS', 'streamingConnectionIdleTimeout', 'nodeStatusUpdateFrequency',
  'nodeStatusReportFrequency', 'nodeLeaseDurationSeconds', 'imageMinimumGCAge', 'imageMaximumGCAge', 'imageGCHighThresholdPercent',
  'imageGCLowThresholdPercent', 'volumeStatsAggPeriod', 'kubeletCgroups', 'systemCgroups', 'cgroupRoot', 'cgroupsPerQOS', 'cgroupDriver',
  'cpuManagerPolicy', 'singleProcessOOMKill', 'cpuManagerPolicyOptions', 'cpuManagerReconcilePeriod', 'draManagerReconcilePeriod', 'memoryManagerPolicy',
  'topologyManagerPolicy', 'topologyManagerScope', 'topologyManagerPolicyOptions', 'qosReserved', 'runtimeRequestTimeout', 'hairpinMode', 'maxPods',
  'podCIDR', 'podPidsLimit', 'resolvConf', 'runOnce', 'cpuCFSQuota', 'cpuCFSQuotaPeriod', 'nodeStatusMaxImages', 'maxOpenFiles', 'contentType',
  'kubeAPIQPS', 'kubeAPIBurst', 'serializeImagePulls', 'maxParallelImagePulls', 'evictionHard', 'evictionSoft', 'evictionSoftGracePeriod',
  'evictionPressureTransitionPeriod', 'evictionMaxPodGracePeriod', 'evictionMinimumReclaim', 'mergeDefaultEvictionSettings', 'podsPerCore',
  'enableControllerAttachDetach', 'protectKernelDefaults', 'makeIPTablesUtilChains', 'iptablesMasqueradeBit', 'iptablesDropBit', 'featureGates',
  'failSwapOn', 'memorySwap', 'containerLogMaxSize', 'containerLogMaxFiles', 'containerLogMaxWorkers', 'containerLogMonitorInterval',
  'configMapAndSecretChangeDetectionStrategy', 'systemReserved', 'kubeReserved', 'reservedSystemCPUs', 'showHiddenMetricsForVersion',
  'systemReservedCgroup', 'kubeReservedCgroup', 'enforceNodeAllocatable', 'allowedUnsafeSysctls', 'volumePluginDir', 'providerID',
  'kernelMemcgNotification', 'logging', 'enableSystemLogHandler', 'enableSystemLogQuery', 'shutdownGracePeriod', 'shutdownGracePeriodCriticalPods',
  'shutdownGracePeriodByPodPriority', 'crashLoopBackOff', 'reservedMemory', 'enableProfilingHandler', 'enableDebugFlagsHandler', 'seccompDefault',
  'memoryThrottlingFactor', 'registerWithTaints', 'registerNode', 'tracing', 'localStorageCapacityIsolation', 'containerRuntimeEndpoint',
  'imageServiceEndpoint', 'failCgroupV1', 'userNamespaces',
];

/** NESTED lists the fields of the nested objects whose fields are checked, by dotted path. */
const NESTED: Record<string, string[]> = {
  authentication: ['x509', 'webhook', 'anonymous'],
  'authentication.x509': ['clientCAFile'],
  'authentication.webhook': ['enabled', 'cacheTTL'],
  'authentication.anonymous': ['enabled'],
  authorization: ['mode', 'webhook'],
  'authorization.webhook': ['cacheAuthorizedTTL', 'cacheUnauthorizedTTL'],
  memorySwap: ['swapBehavior'],
  crashLoopBackOff: ['maxContainerRestartPeriod'],
};

const TOP_SET = new Set(TOP);

/** unknownFields lists the fields of a decoded config.yaml that KubeletConfiguration does not have, by dotted path, in document order. */
export function unknownFields(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (obj: Record<string, unknown>, path: string, known: Set<string>) => {
    for (const [k, v] of Object.entries(obj)) {
      const at = path ? `${path}.${k}` : k;
      if (!known.has(k)) {
        out.push(at);
        continue;
      }
      const nested = NESTED[at];
      if (nested && v && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, at, new Set(nested));
    }
  };
  walk(doc, '', TOP_SET);
  return out;
}
