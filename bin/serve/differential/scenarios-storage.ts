import type { Scenario } from './scenario.ts';

const STORAGE_YAML = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Retain
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-data
  labels:
    type: local
spec:
  storageClassName: fast
  capacity:
    storage: 1Gi
  accessModes:
  - ReadWriteOnce
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: fast
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 500Mi
`;

const POLICY_YAML = `apiVersion: v1
kind: LimitRange
metadata:
  name: limits
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 100m
      memory: 64Mi
    max:
      cpu: "1"
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-allow-web
spec:
  podSelector:
    matchLabels:
      app: db
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: web
    ports:
    - protocol: TCP
      port: 5432
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
spec:
  hard:
    pods: "4"
    requests.cpu: "2"
    requests.memory: 2Gi
`;

/** STORAGE_SCENARIOS create storage and policy objects from manifests and read them back. */
export const STORAGE_SCENARIOS: Scenario[] = [
  {
    name: 'storage, limits and network policy from manifests',
    mode: 'write',
    files: { 'storage.yaml': STORAGE_YAML, 'policy.yaml': POLICY_YAML },
    commands: [
      'apply -f storage.yaml',
      'apply -f policy.yaml',
      'apply -f storage.yaml',
      'get sc',
      'get sc fast -o yaml',
      'get pv',
      'get pv -o wide',
      'get pvc',
      'get pvc -o wide',
      'get pv pv-data -o jsonpath={.spec.capacity.storage}',
      'get limitrange',
      'get netpol',
      'get quota',
      'get quota compute -o yaml',
      'describe sc fast',
      'describe pv pv-data',
      'describe pvc data',
      'describe netpol db-allow-web',
      'describe quota compute',
      'delete -f policy.yaml',
      'get limitrange,netpol,quota',
    ],
    state: ['get sc fast -o yaml', 'get pv pv-data -o yaml', 'get pvc data -o yaml'],
  },
];
