import type { ApiServer } from '../../../../../apiserver/server.ts';
import type { Runtime } from '../../../../../base/runtime.ts';

/**
 * seedReadCluster fills a fresh apiserver with the objects the read-side
 * goldens were recorded against: the recording script and the tests run this
 * same function from the same start time, so names, uids, resource versions
 * and timestamps agree. Objects are created at t0, then the clock moves on
 * three hours (ages print as "3h").
 */
export const SEED_AGE_MS = 3 * 3600_000;

type Req = (method: 'POST' | 'PUT', path: string, body: unknown) => unknown;

function requester(server: ApiServer, runtime: Runtime): Req {
  return (method, path, body) => {
    const r = server.request({ method, path, body, credentials: { token: 'admin' } });
    runtime.settle();
    if (r.status >= 300) throw new Error(`seed ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function pod(name: string, ns: string, labels: Record<string, string>, image: string, node?: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels },
    spec: {
      containers: [{ name: name.split('-')[0], image, ports: [{ containerPort: 80, protocol: 'TCP' }], resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } } }],
      ...(node ? { nodeName: node } : {}),
    },
  };
}

function runningStatus(t0: number, ip: string, hostIP: string, image: string, cname: string, restarts = 0) {
  return {
    phase: 'Running',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: iso(t0) },
      { type: 'Initialized', status: 'True', lastTransitionTime: iso(t0) },
      { type: 'Ready', status: 'True', lastTransitionTime: iso(t0) },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: iso(t0) },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: iso(t0) },
    ],
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP: ip,
    podIPs: [{ ip }],
    startTime: iso(t0),
    qosClass: 'Burstable',
    containerStatuses: [
      {
        name: cname,
        image,
        imageID: `docker.io/library/${image}@sha256:${'ab'.repeat(32)}`,
        containerID: `containerd://${'cd'.repeat(32)}`,
        ready: true,
        started: true,
        restartCount: restarts,
        state: { running: { startedAt: iso(t0) } },
      },
    ],
  };
}

function node(name: string, ip: string, controlPlane: boolean) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}) },
    },
    spec: { podCIDR: controlPlane ? '10.244.0.0/24' : '10.244.1.0/24', ...(controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}) },
  };
}

function nodeStatus(t0: number, ip: string, name: string) {
  return {
    capacity: { cpu: '2', memory: '4026500Ki', pods: '110', 'ephemeral-storage': '20134592Ki' },
    allocatable: { cpu: '2', memory: '3924100Ki', pods: '110', 'ephemeral-storage': '18556039957' },
    conditions: [
      { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: iso(t0), lastTransitionTime: iso(t0), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'DiskPressure', status: 'False', lastHeartbeatTime: iso(t0), lastTransitionTime: iso(t0), reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
      { type: 'PIDPressure', status: 'False', lastHeartbeatTime: iso(t0), lastTransitionTime: iso(t0), reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
      { type: 'Ready', status: 'True', lastHeartbeatTime: iso(t0), lastTransitionTime: iso(t0), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    addresses: [
      { type: 'InternalIP', address: ip },
      { type: 'Hostname', address: name },
    ],
    nodeInfo: {
      machineID: 'f'.repeat(32),
      systemUUID: '1f2e3d4c-0000-0000-0000-000000000000',
      bootID: '0a1b2c3d-0000-0000-0000-000000000000',
      kernelVersion: '5.15.0-124-generic',
      osImage: 'Ubuntu 22.04.5 LTS',
      containerRuntimeVersion: 'containerd://1.7.22',
      kubeletVersion: 'v1.33.1',
      kubeProxyVersion: 'v1.33.1',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  };
}

function event(ns: string, name: string, involved: Record<string, unknown>, type: string, reason: string, message: string, source: string, first: number, last: number, count: number) {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ns },
    involvedObject: involved,
    reason,
    message,
    source: { component: source },
    firstTimestamp: iso(first),
    lastTimestamp: iso(last),
    count,
    type,
    reportingComponent: source,
    reportingInstance: '',
  };
}

/** seedReadCluster creates the objects at the runtime's current time and advances the clock by SEED_AGE_MS. */
export function seedReadCluster(server: ApiServer, runtime: Runtime): void {
  const req = requester(server, runtime);
  const t0 = runtime.clock.now();
  for (const ns of ['default', 'kube-system', 'dev']) req('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (const [name, ip, cp] of [['controlplane', '192.168.1.10', true], ['node01', '192.168.1.11', false]] as const) {
    const n = req('POST', '/api/v1/nodes', node(name, ip, cp)) as Record<string, unknown>;
    req('PUT', `/api/v1/nodes/${name}/status`, { ...n, status: nodeStatus(t0, ip, name) });
  }
  const pods: [string, string, Record<string, string>, string, string | undefined, string | undefined][] = [
    ['web-1', 'default', { app: 'web', tier: 'frontend' }, 'nginx:1.25', 'node01', '10.244.1.5'],
    ['web-2', 'default', { app: 'web', tier: 'frontend' }, 'nginx:1.25', 'node01', '10.244.1.6'],
    ['db-0', 'default', { app: 'db' }, 'postgres:16', undefined, undefined],
    ['api', 'dev', { app: 'api' }, 'httpd:2.4', 'node01', '10.244.1.7'],
  ];
  const uids: Record<string, string> = {};
  for (const [name, ns, labels, image, nodeName, ip] of pods) {
    const p = req('POST', `/api/v1/namespaces/${ns}/pods`, pod(name, ns, labels, image, nodeName)) as { metadata: { uid: string } };
    uids[name] = p.metadata.uid;
    const status = ip ? runningStatus(t0, ip, '192.168.1.11', image, name.split('-')[0]!, name === 'web-2' ? 1 : 0) : { phase: 'Pending', qosClass: 'Burstable', conditions: [{ type: 'PodScheduled', status: 'False', lastTransitionTime: iso(t0), reason: 'Unschedulable', message: '0/2 nodes are available: 2 Insufficient cpu.' }] };
    req('PUT', `/api/v1/namespaces/${ns}/pods/${name}/status`, { ...p, status });
  }
  const dep = req('POST', '/apis/apps/v1/namespaces/default/deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'frontend' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] } } },
  }) as Record<string, unknown>;
  req('PUT', '/apis/apps/v1/namespaces/default/deployments/web/status', {
    ...dep,
    status: {
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [
        { type: 'Available', status: 'True', lastUpdateTime: iso(t0), lastTransitionTime: iso(t0), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: iso(t0), lastTransitionTime: iso(t0), reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-7c5ddbdf54" has successfully progressed.' },
      ],
    },
  });
  req('POST', '/api/v1/namespaces/default/services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] },
  });
  req('POST', '/api/v1/namespaces/kube-system/services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
    spec: { selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }] },
  });
  req('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default' }, data: { 'app.mode': 'production', 'log.level': 'debug\nverbose' } });
  req('POST', '/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-pass', namespace: 'default' }, type: 'Opaque', data: { password: 'czNjcjN0', user: 'YWRtaW4=' } });
  req('POST', '/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'api-token', namespace: 'default' }, type: 'Opaque', data: { 'api-key': 'c2VjcmV0LWtleQ==' } });
  req('POST', '/api/v1/namespaces/default/serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'default' }, secrets: [{ name: 'db-pass' }] });
  req('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'reader', namespace: 'default' },
    rules: [
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get'] },
    ],
  });
  req('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'reader-binding', namespace: 'default' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
    subjects: [
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'jane' },
      { kind: 'ServiceAccount', name: 'builder', namespace: 'default' },
    ],
  });
  req('POST', '/api/v1/namespaces/default/podtemplates', {
    apiVersion: 'v1',
    kind: 'PodTemplate',
    metadata: { name: 'tmpl', namespace: 'default', labels: { app: 'tmpl' } },
    template: { metadata: { labels: { app: 'tmpl' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] } },
  });
  const tmpl = (app: string) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: app, image: 'busybox:1.36', command: ['sleep', '3600'] }] } });
  req('POST', '/apis/apps/v1/namespaces/default/replicasets', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'cache', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'cache' } }, template: tmpl('cache') } });
  req('POST', '/apis/apps/v1/namespaces/default/daemonsets', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: tmpl('agent') } });
  req('POST', '/apis/apps/v1/namespaces/default/statefulsets', { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'store', namespace: 'default' }, spec: { replicas: 1, serviceName: 'store', selector: { matchLabels: { app: 'store' } }, template: tmpl('store') } });
  req('POST', '/apis/batch/v1/namespaces/default/jobs', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once', namespace: 'default' }, spec: { template: { ...tmpl('once'), spec: { ...tmpl('once').spec, restartPolicy: 'Never' } } } });
  req('POST', '/apis/batch/v1/namespaces/default/cronjobs', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'default' }, spec: { schedule: '0 2 * * *', jobTemplate: { spec: { template: { ...tmpl('nightly'), spec: { ...tmpl('nightly').spec, restartPolicy: 'OnFailure' } } } } } });
  req('POST', '/apis/networking.k8s.io/v1/namespaces/default/ingresses', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'default' },
    spec: { ingressClassName: 'nginx', rules: [{ host: 'web.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
  });
  req('POST', '/apis/networking.k8s.io/v1/namespaces/default/networkpolicies', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'db-allow-web', namespace: 'default' },
    spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }] },
  });
  req('POST', '/api/v1/persistentvolumes', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-data' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'manual', hostPath: { path: '/data' } } });
  req('POST', '/api/v1/namespaces/default/persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'manual', resources: { requests: { storage: '1Gi' } } } });
  req('POST', '/apis/storage.k8s.io/v1/storageclasses', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'manual' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' });
  req('POST', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers', {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
  });
  req('POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } });
  req('POST', '/api/v1/namespaces/dev/resourcequotas', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'small', namespace: 'dev' }, spec: { hard: { pods: '10', 'requests.cpu': '2' } } });
  req('POST', '/api/v1/namespaces/dev/limitranges', { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults', namespace: 'dev' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' }, max: { cpu: '1' } }, { type: 'PersistentVolumeClaim', max: { storage: '2Gi' } }] } });
  req('POST', '/api/v1/namespaces/default/endpoints', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    subsets: [{ addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.1.6' }], notReadyAddresses: [{ ip: '10.244.1.9' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }],
  });
  req('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wd'] },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' }, color: { type: 'string' } } } } } },
          additionalPrinterColumns: [
            { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
            { name: 'Color', type: 'string', jsonPath: '.spec.color' },
          ],
        },
      ],
    },
  });
  runtime.advance(1000);
  req('POST', '/apis/example.com/v1/namespaces/default/widgets', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'gizmo', namespace: 'default' }, spec: { size: 3, color: 'blue' } });
  req('POST', '/api/v1/namespaces/dev/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'full', namespace: 'dev', labels: { app: 'full' }, annotations: { 'example.com/note': 'hello', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
    spec: {
      serviceAccountName: 'default',
      priorityClassName: 'high',
      priority: 1000,
      nodeSelector: { disk: 'ssd' },
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { operator: 'Exists' }],
      initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'echo init'] }],
      containers: [
        {
          name: 'app',
          image: 'nginx:1.25',
          args: ['--port', '8080'],
          ports: [{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 9090, protocol: 'TCP', hostPort: 9090 }],
          env: [
            { name: 'MODE', value: 'prod' },
            { name: 'MULTI', value: 'a\nb' },
            { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db-pass', key: 'password' } } },
            { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'log.level', optional: true } } },
            { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
          ],
          envFrom: [{ configMapRef: { name: 'app-config' } }, { secretRef: { name: 'db-pass' }, prefix: 'DB_' }],
          livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 5, periodSeconds: 10 },
          readinessProbe: { tcpSocket: { port: 8080 } },
          startupProbe: { exec: { command: ['cat', '/tmp/ready'] }, failureThreshold: 30 },
          volumeMounts: [
            { name: 'cfg', mountPath: '/etc/app', readOnly: true },
            { name: 'data', mountPath: '/data' },
            { name: 'cache', mountPath: '/cache', subPath: 'x' },
          ],
        },
      ],
      volumes: [
        { name: 'cfg', configMap: { name: 'app-config' } },
        { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
        { name: 'cache', emptyDir: {} },
        { name: 'secret', secret: { secretName: 'db-pass' } },
        { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
      ],
    },
  });
  const involved = (name: string) => ({ kind: 'Pod', namespace: 'default', name, uid: uids[name], apiVersion: 'v1' });
  req('POST', '/api/v1/namespaces/default/events', event('default', 'web-1.1', involved('web-1'), 'Normal', 'Scheduled', 'Successfully assigned default/web-1 to node01', 'default-scheduler', t0, t0, 1));
  req('POST', '/api/v1/namespaces/default/events', event('default', 'web-1.2', involved('web-1'), 'Normal', 'Pulled', 'Container image "nginx:1.25" already present on machine', 'kubelet', t0, t0 + 150 * 60_000, 2));
  req('POST', '/api/v1/namespaces/default/events', event('default', 'db-0.1', involved('db-0'), 'Warning', 'FailedScheduling', '0/2 nodes are available: 2 Insufficient cpu.', 'default-scheduler', t0, t0 + 150 * 60_000, 4));
  runtime.advance(SEED_AGE_MS);
}
