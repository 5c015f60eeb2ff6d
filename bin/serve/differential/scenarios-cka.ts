import type { Scenario } from './scenario.ts';

const INGRESS_YAML = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: nginx
  defaultBackend:
    service:
      name: nothing
      port:
        number: 80
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: headless
            port:
              number: 8080
`;

const SC_YAML = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations:
    storageclass.kubernetes.io/is-default-class: "false"
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Retain
allowVolumeExpansion: true
`;

const PV_YAML = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-data
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  hostPath:
    path: /mnt/data
`;

const PVC_YAML = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  resources:
    requests:
      storage: 500Mi
`;

const NETPOL_YAML = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-only
spec:
  podSelector:
    matchLabels:
      app: db
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: web
    ports:
    - protocol: TCP
      port: 5432
  egress:
  - to:
    - namespaceSelector: {}
`;

const LIMITS_YAML = `apiVersion: v1
kind: LimitRange
metadata:
  name: limits
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
    defaultRequest:
      cpu: 100m
`;

/** CKA_SCENARIOS are what a candidate types on a cluster with a few workloads: one lab serves both kubectls. */
export const CKA_SCENARIOS: Scenario[] = [
  {
    name: 'a cluster with workloads',
    mode: 'read',
    files: { 'ing.yaml': INGRESS_YAML, 'sc.yaml': SC_YAML, 'pv.yaml': PV_YAML, 'pvc.yaml': PVC_YAML, 'np.yaml': NETPOL_YAML, 'limits.yaml': LIMITS_YAML },
    setup: [
      'kubectl create deployment web --image=nginx:1.26 --replicas=2',
      'kubectl expose deployment web --port=80',
      'kubectl create service clusterip headless --tcp=8080:8080',
      'kubectl create service externalname ext --external-name=example.com',
      'kubectl apply -f ing.yaml',
      'kubectl apply -f sc.yaml',
      'kubectl apply -f pv.yaml',
      'kubectl apply -f pvc.yaml',
      'kubectl apply -f np.yaml',
      'kubectl apply -f limits.yaml',
      'kubectl create quota q --hard=pods=10,cpu=4',
      'kubectl create sa robot',
      'kubectl create role reader --verb=get,list --resource=pods',
      'kubectl create rolebinding reader --role=reader --serviceaccount=default:robot',
      'kubectl create configmap cfg --from-literal=a=1',
      'kubectl create secret generic pw --from-literal=p=x',
      'kubectl create job once --image=busybox -- echo hi',
      "kubectl create cronjob tick --image=busybox --schedule='*/5 * * * *' -- date",
      'kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80',
      'kubectl set image deployment/web nginx=nginx:1.27',
      'kubectl rollout status deploy/web',
      'kubectl label pod -l app=web tier=front',
    ],
    commands: [
      'describe node node01',
      'describe node controlplane',
      'describe svc headless',
      'describe svc ext',
      'describe svc web',
      'describe ingress shop',
      'describe sc fast',
      'describe deploy web',
      'get pods --sort-by=.metadata.labels.tier',
      'get svc --sort-by=.spec.clusterIP',
      'auth can-i list nodes -n default',
      'auth can-i create pv -n kube-system',
      'get pods --as=jane -n kube-system',
      'delete pod nope --ignore-not-found',
      'delete pods -l app=nope --ignore-not-found',
      'delete pods -l app=nope',
      'delete deploy nope',
      'patch deploy web -p {bad',
      'patch deploy web -p {bad --dry-run=client',
      "patch deploy web --type=json -p '[{\"op\":\"nope\"}]'",
      'rollout history deploy/web',
      'rollout history deploy/web --revision=1',
      'rollout status deploy/web',
      'get deploy -o wide',
      'get rs -o wide',
      'get pods -o wide',
      'get deploy web -o yaml',
      'get svc -o wide',
      'get svc web -o jsonpath={.spec.clusterIP}',
      'get pv',
      'get pvc',
      'get pv,pvc -o wide',
      'get sc',
      'get roles,rolebindings',
      'get rolebinding reader -o yaml',
      'get events --sort-by=.metadata.creationTimestamp',
      'get deploy -o custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[0].image',
      'get nodes -o jsonpath={.items[*].status.addresses[0].address}',
      'describe rs',
      'describe ep web',
      'describe pvc claim',
      'describe pv pv-data',
      'describe sa robot',
      'describe role reader',
      'describe rolebinding reader',
      'describe cm cfg',
      'describe secret pw',
      'describe networkpolicy db-only',
      'describe job once',
      'describe cronjob tick',
      'describe hpa web',
      'describe ns default',
      'describe quota q',
      'describe limitrange limits',
      'get hpa',
      'get jobs,cronjobs',
      'get quota',
      'get limits',
      'get networkpolicy',
      'get ingress',
      'get ep web',
      'create deployment x --image=nginx --dry-run=client -o yaml',
      'run p --image=nginx --dry-run=client -o yaml',
      'run p --image=nginx --port=80 --labels=a=b --env=X=1 --dry-run=client -o yaml',
      'expose deploy web --port=8080 --target-port=80 --name=w2 --dry-run=client -o yaml',
      'create svc nodeport np --tcp=80:80 --dry-run=client -o yaml',
      'create job j --image=busybox --dry-run=client -o yaml -- sleep 1',
      "create cronjob c --image=busybox --schedule='0 * * * *' --dry-run=client -o yaml",
      'create role r --verb=get --resource=pods --dry-run=client -o yaml',
      'create clusterrolebinding b --clusterrole=view --user=jane --dry-run=client -o yaml',
      'create secret tls t --cert=nope --key=nope --dry-run=client -o yaml',
      'create configmap c --from-literal=a=b --dry-run=client -o yaml',
      'create ingress i --rule=a.com/=web:80 --dry-run=client -o yaml',
      'scale deploy web --replicas=3 --dry-run=client',
      'set image deploy/web nginx=nginx:1.28 --dry-run=client',
      'set image deploy/web nope=nginx:1.28 --dry-run=client',
      'set image deploy/web nope=nginx:1.28',
      'set resources deploy/web -c nope --limits=cpu=1 --dry-run=client',
      'rollout undo deploy/web --to-revision=42 --dry-run=client',
      'rollout history deploy/web --revision=42',
      'label pod -l app=web tier=back --dry-run=client',
      'annotate deploy web note=x --dry-run=client',
      'taint node node01 k=v:NoSchedule --dry-run=client',
      'rollout undo deploy/web --dry-run=client',
    ],
  },
  {
    name: 'labels, scale, expose and deleting what may be gone',
    mode: 'write',
    setup: ['kubectl create deployment web --image=nginx:1.27 --replicas=2', 'kubectl create configmap keep --from-literal=a=b'],
    commands: [
      'label deploy web tier=back',
      'label deploy web tier=front',
      'label deploy web tier=front --overwrite',
      'label deploy web tier-',
      'label deploy web nope-',
      'annotate deploy web note=x',
      'annotate deploy web note-',
      'scale deploy web --replicas=3',
      'scale deploy web --replicas=1 --current-replicas=5',
      'scale deploy nope --replicas=1',
      'expose deploy web --port=80 --target-port=8080',
      'expose deploy web --port=80',
      'get svc web -o jsonpath={.spec.ports}',
      'delete deploy web --ignore-not-found',
      'delete deploy web --ignore-not-found',
      'delete svc web nope --ignore-not-found',
      'delete cm -l app=none',
      'get cm keep -o name',
    ],
    state: ['get cm keep -o yaml', 'get deploy -o name', 'get svc -o name'],
  },
];
