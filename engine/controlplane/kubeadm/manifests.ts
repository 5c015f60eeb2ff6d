import { toGoYaml } from '../../base/goyaml.ts';

/**
 * The static Pod manifests `kubeadm init` writes to /etc/kubernetes/manifests,
 * built the way kubeadm builds them (phases/controlplane/manifests.go,
 * phases/etcd/local.go, util/staticpod) and marshalled as sigs.k8s.io/yaml
 * does: keys sorted, `status: {}` at the end. What differs between versions:
 * from 1.34 metadata carries no `creationTimestamp: null`, probes use a named
 * `probe-port`, and etcd 3.6 takes its corrupt-check and progress-notify
 * settings as `--feature-gates`/stable flags instead of `--experimental-*`.
 */

/** ManifestSettings are the ClusterConfiguration/InitConfiguration values the manifests depend on. */
export interface ManifestSettings {
  /** Kubernetes version without "v", e.g. "1.34.1" */
  version: string;
  etcdImageTag: string;
  nodeName: string;
  advertiseAddress: string;
  bindPort?: number;
  podSubnet?: string;
  serviceSubnet: string;
  dnsDomain?: string;
  clusterName?: string;
  imageRepository?: string;
  /** etcdInitialCluster lists every member ("cp1=https://…:2380,cp2=…") when this member joins a running etcd cluster. */
  etcdInitialCluster?: string;
}

type Obj = Record<string, unknown>;

const minorOf = (v: string) => Number(v.split('.')[1] ?? 0);
const PKI = '/etc/kubernetes/pki';

/** flagsFromMap renders --k=v sorted by key, as kubeadm's BuildArgumentListFromMap does. */
export function flagsFromMap(m: Record<string, string>): string[] {
  return Object.keys(m)
    .sort()
    .map((k) => `--${k}=${m[k]}`);
}

function probe(host: string, path: string, port: number | string, scheme: string, failureThreshold: number, initialDelay: boolean): Obj {
  return {
    failureThreshold,
    httpGet: { host, path, port, scheme },
    ...(initialDelay ? { initialDelaySeconds: 10 } : {}),
    periodSeconds: failureThreshold === 3 ? 1 : 10,
    timeoutSeconds: 15,
  };
}

function hostPathVolume(name: string, path: string, type: string): Obj {
  return { hostPath: { path, type }, name };
}

/** CA_MOUNTS are the host certificate folders kubeadm mounts into the apiserver and controller-manager (those found on Ubuntu). */
const CA_MOUNTS: [string, string][] = [
  ['ca-certs', '/etc/ssl/certs'],
  ['etc-ca-certificates', '/etc/ca-certificates'],
];
const CA_MOUNTS_AFTER: [string, string][] = [
  ['usr-local-share-ca-certificates', '/usr/local/share/ca-certificates'],
  ['usr-share-ca-certificates', '/usr/share/ca-certificates'],
];

function componentPod(s: ManifestSettings, o: {
  name: string;
  annotations?: Record<string, string>;
  command: string[];
  image: string;
  probes: { liveness: Obj; readiness?: Obj; startup: Obj };
  port?: number;
  resources: Obj;
  mounts: Obj[];
  volumes: Obj[];
}): Obj {
  const named = minorOf(s.version) >= 34;
  const meta: Obj = {};
  if (o.annotations) meta.annotations = o.annotations;
  if (!named) meta.creationTimestamp = null;
  meta.labels = { component: o.name, tier: 'control-plane' };
  meta.name = o.name;
  meta.namespace = 'kube-system';
  const container: Obj = {
    command: o.command,
    image: o.image,
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: o.probes.liveness,
    name: o.name,
  };
  if (named && o.port) container.ports = [{ containerPort: o.port, name: 'probe-port', protocol: 'TCP' }];
  if (o.probes.readiness) container.readinessProbe = o.probes.readiness;
  container.resources = o.resources;
  container.startupProbe = o.probes.startup;
  container.volumeMounts = o.mounts;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta,
    spec: {
      containers: [container],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes: o.volumes,
    },
    status: {},
  };
}

function image(s: ManifestSettings, name: string, tag: string): string {
  return `${s.imageRepository ?? 'registry.k8s.io'}/${name}:${tag}`;
}

/** apiServerManifest is kube-apiserver.yaml. */
export function apiServerManifest(s: ManifestSettings): Obj {
  const port = s.bindPort ?? 6443;
  const named = minorOf(s.version) >= 34;
  const p = named ? 'probe-port' : port;
  const flags = flagsFromMap({
    'advertise-address': s.advertiseAddress,
    'allow-privileged': 'true',
    'authorization-mode': 'Node,RBAC',
    'client-ca-file': `${PKI}/ca.crt`,
    'enable-admission-plugins': 'NodeRestriction',
    'enable-bootstrap-token-auth': 'true',
    'etcd-cafile': `${PKI}/etcd/ca.crt`,
    'etcd-certfile': `${PKI}/apiserver-etcd-client.crt`,
    'etcd-keyfile': `${PKI}/apiserver-etcd-client.key`,
    'etcd-servers': 'https://127.0.0.1:2379',
    'kubelet-client-certificate': `${PKI}/apiserver-kubelet-client.crt`,
    'kubelet-client-key': `${PKI}/apiserver-kubelet-client.key`,
    'kubelet-preferred-address-types': 'InternalIP,ExternalIP,Hostname',
    'proxy-client-cert-file': `${PKI}/front-proxy-client.crt`,
    'proxy-client-key-file': `${PKI}/front-proxy-client.key`,
    'requestheader-allowed-names': 'front-proxy-client',
    'requestheader-client-ca-file': `${PKI}/front-proxy-ca.crt`,
    'requestheader-extra-headers-prefix': 'X-Remote-Extra-',
    'requestheader-group-headers': 'X-Remote-Group',
    'requestheader-username-headers': 'X-Remote-User',
    'secure-port': String(port),
    'service-account-issuer': `https://kubernetes.default.svc.${s.dnsDomain ?? 'cluster.local'}`,
    'service-account-key-file': `${PKI}/sa.pub`,
    'service-account-signing-key-file': `${PKI}/sa.key`,
    'service-cluster-ip-range': s.serviceSubnet,
    'tls-cert-file': `${PKI}/apiserver.crt`,
    'tls-private-key-file': `${PKI}/apiserver.key`,
  });
  const mounts = [...CA_MOUNTS, ['k8s-certs', PKI] as [string, string], ...CA_MOUNTS_AFTER];
  return componentPod(s, {
    name: 'kube-apiserver',
    annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${s.advertiseAddress}:${port}` },
    command: ['kube-apiserver', ...flags],
    image: image(s, 'kube-apiserver', `v${s.version}`),
    probes: {
      liveness: probe(s.advertiseAddress, '/livez', p, 'HTTPS', 8, true),
      readiness: probe(s.advertiseAddress, '/readyz', p, 'HTTPS', 3, false),
      startup: probe(s.advertiseAddress, '/livez', p, 'HTTPS', 24, true),
    },
    port,
    resources: { requests: { cpu: '250m' } },
    mounts: mounts.map(([name, path]) => ({ mountPath: path, name, readOnly: true })),
    volumes: mounts.map(([name, path]) => hostPathVolume(name, path, 'DirectoryOrCreate')),
  });
}

/** controllerManagerManifest is kube-controller-manager.yaml. */
export function controllerManagerManifest(s: ManifestSettings): Obj {
  const named = minorOf(s.version) >= 34;
  const p = named ? 'probe-port' : 10257;
  const m: Record<string, string> = {
    'authentication-kubeconfig': '/etc/kubernetes/controller-manager.conf',
    'authorization-kubeconfig': '/etc/kubernetes/controller-manager.conf',
    'bind-address': '127.0.0.1',
    'client-ca-file': `${PKI}/ca.crt`,
    'cluster-name': s.clusterName ?? 'kubernetes',
    'cluster-signing-cert-file': `${PKI}/ca.crt`,
    'cluster-signing-key-file': `${PKI}/ca.key`,
    controllers: '*,bootstrapsigner,tokencleaner',
    kubeconfig: '/etc/kubernetes/controller-manager.conf',
    'leader-elect': 'true',
    'requestheader-client-ca-file': `${PKI}/front-proxy-ca.crt`,
    'root-ca-file': `${PKI}/ca.crt`,
    'service-account-private-key-file': `${PKI}/sa.key`,
    'service-cluster-ip-range': s.serviceSubnet,
    'use-service-account-credentials': 'true',
  };
  if (s.podSubnet) {
    m['allocate-node-cidrs'] = 'true';
    m['cluster-cidr'] = s.podSubnet;
  }
  const mounts: [string, string, boolean, string][] = [
    ...CA_MOUNTS.map(([n, path]) => [n, path, true, 'DirectoryOrCreate'] as [string, string, boolean, string]),
    // FlexVolume's plugin folder is no longer mounted from 1.36.
    ...(minorOf(s.version) < 36 ? [['flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', false, 'DirectoryOrCreate'] as [string, string, boolean, string]] : []),
    ['k8s-certs', PKI, true, 'DirectoryOrCreate'],
    ['kubeconfig', '/etc/kubernetes/controller-manager.conf', true, 'FileOrCreate'],
    ...CA_MOUNTS_AFTER.map(([n, path]) => [n, path, true, 'DirectoryOrCreate'] as [string, string, boolean, string]),
  ];
  return componentPod(s, {
    name: 'kube-controller-manager',
    command: ['kube-controller-manager', ...flagsFromMap(m)],
    image: image(s, 'kube-controller-manager', `v${s.version}`),
    probes: { liveness: probe('127.0.0.1', '/healthz', p, 'HTTPS', 8, true), startup: probe('127.0.0.1', '/healthz', p, 'HTTPS', 24, true) },
    port: 10257,
    resources: { requests: { cpu: '200m' } },
    mounts: mounts.map(([name, path, ro]) => ({ mountPath: path, name, ...(ro ? { readOnly: true } : {}) })),
    volumes: mounts.map(([name, path, , type]) => hostPathVolume(name, path, type)),
  });
}

/** schedulerManifest is kube-scheduler.yaml. */
export function schedulerManifest(s: ManifestSettings): Obj {
  const p = minorOf(s.version) >= 34 ? 'probe-port' : 10259;
  return componentPod(s, {
    name: 'kube-scheduler',
    command: ['kube-scheduler', ...flagsFromMap({
      'authentication-kubeconfig': '/etc/kubernetes/scheduler.conf',
      'authorization-kubeconfig': '/etc/kubernetes/scheduler.conf',
      'bind-address': '127.0.0.1',
      kubeconfig: '/etc/kubernetes/scheduler.conf',
      'leader-elect': 'true',
    })],
    image: image(s, 'kube-scheduler', `v${s.version}`),
    probes: {
      liveness: probe('127.0.0.1', '/livez', p, 'HTTPS', 8, true),
      readiness: probe('127.0.0.1', '/readyz', p, 'HTTPS', 3, false),
      startup: probe('127.0.0.1', '/livez', p, 'HTTPS', 24, true),
    },
    port: 10259,
    resources: { requests: { cpu: '100m' } },
    mounts: [{ mountPath: '/etc/kubernetes/scheduler.conf', name: 'kubeconfig', readOnly: true }],
    volumes: [hostPathVolume('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
  });
}

/** etcdManifest is etcd.yaml for a single local member. */
export function etcdManifest(s: ManifestSettings, dataDir = '/var/lib/etcd'): Obj {
  const ip = s.advertiseAddress;
  const v36 = !s.etcdImageTag.startsWith('3.5');
  const m: Record<string, string> = {
    'advertise-client-urls': `https://${ip}:2379`,
    'cert-file': `${PKI}/etcd/server.crt`,
    'client-cert-auth': 'true',
    'data-dir': dataDir,
    'initial-advertise-peer-urls': `https://${ip}:2380`,
    'initial-cluster': s.etcdInitialCluster ?? `${s.nodeName}=https://${ip}:2380`,
    ...(s.etcdInitialCluster ? { 'initial-cluster-state': 'existing' } : {}),
    'key-file': `${PKI}/etcd/server.key`,
    'listen-client-urls': `https://127.0.0.1:2379,https://${ip}:2379`,
    'listen-metrics-urls': 'http://127.0.0.1:2381',
    'listen-peer-urls': `https://${ip}:2380`,
    name: s.nodeName,
    'peer-cert-file': `${PKI}/etcd/peer.crt`,
    'peer-client-cert-auth': 'true',
    'peer-key-file': `${PKI}/etcd/peer.key`,
    'peer-trusted-ca-file': `${PKI}/etcd/ca.crt`,
    'snapshot-count': '10000',
    'trusted-ca-file': `${PKI}/etcd/ca.crt`,
  };
  if (v36) {
    m['feature-gates'] = 'InitialCorruptCheck=true';
    m['watch-progress-notify-interval'] = '5s';
  } else {
    m['experimental-initial-corrupt-check'] = 'true';
    m['experimental-watch-progress-notify-interval'] = '5s';
  }
  const p = minorOf(s.version) >= 34 ? 'probe-port' : 2381;
  return componentPod(s, {
    name: 'etcd',
    annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    command: ['etcd', ...flagsFromMap(m)],
    image: image(s, 'etcd', s.etcdImageTag),
    probes: {
      liveness: probe('127.0.0.1', '/livez', p, 'HTTP', 8, true),
      readiness: probe('127.0.0.1', '/readyz', p, 'HTTP', 3, false),
      startup: probe('127.0.0.1', '/readyz', p, 'HTTP', 24, true),
    },
    port: 2381,
    resources: { requests: { cpu: '100m', memory: '100Mi' } },
    mounts: [{ mountPath: dataDir, name: 'etcd-data' }, { mountPath: `${PKI}/etcd`, name: 'etcd-certs' }],
    volumes: [hostPathVolume('etcd-certs', `${PKI}/etcd`, 'DirectoryOrCreate'), hostPathVolume('etcd-data', dataDir, 'DirectoryOrCreate')],
  });
}

/** staticPodManifests are the four files of /etc/kubernetes/manifests, by file name, as text. */
export function staticPodManifests(s: ManifestSettings & { dataDir?: string }): Record<'etcd.yaml' | 'kube-apiserver.yaml' | 'kube-controller-manager.yaml' | 'kube-scheduler.yaml', string> {
  return {
    'etcd.yaml': toGoYaml(etcdManifest(s, s.dataDir)),
    'kube-apiserver.yaml': toGoYaml(apiServerManifest(s)),
    'kube-controller-manager.yaml': toGoYaml(controllerManagerManifest(s)),
    'kube-scheduler.yaml': toGoYaml(schedulerManifest(s)),
  };
}
