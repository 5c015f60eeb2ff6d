import type { Scenario } from './scenario.ts';
import { CM_YAML } from './manifests.ts';

const DEPLOY_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

const DEPLOY_YAML_V2 = DEPLOY_YAML.replace('replicas: 2', 'replicas: 3');

const BAD_FIELD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: typo
spec:
  containers:
  - name: app
    imagee: nginx
    image: nginx
`;

const INVALID_YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: broken
data:
  a: [unclosed
`;

const MISSING_IMAGE_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: noimage
spec:
  containers:
  - name: app
`;

/** WRITE_SCENARIOS change the cluster: each kubectl gets its own lab from the same seed. */
export const WRITE_SCENARIOS: Scenario[] = [
  {
    name: 'create generators',
    mode: 'write',
    files: { 'cm.yaml': CM_YAML },
    commands: [
      'create namespace team-a',
      'create namespace team-a',
      'create deployment web --image=nginx:1.27 --replicas=2 -n team-a',
      'create deployment api --image=httpd --port=8080 -n team-a',
      'create deployment multi --image=nginx --image=redis -n team-a',
      'create service clusterip web --tcp=80:8080 -n team-a',
      'create service nodeport web-np --tcp=80:80 --node-port=30080 -n team-a',
      'create service loadbalancer web-lb --tcp=443:8443 -n team-a',
      'create service externalname ext --external-name=example.com -n team-a',
      'create configmap app-config --from-literal=mode=fast --from-literal=level=3 -n team-a',
      'create secret generic db --from-literal=password=s3cret -n team-a',
      'create secret docker-registry regcred --docker-server=registry.example.com --docker-username=u --docker-password=p -n team-a',
      'create serviceaccount builder -n team-a',
      'create role pod-reader --verb=get,list,watch --resource=pods -n team-a',
      'create rolebinding read-pods --role=pod-reader --serviceaccount=team-a:builder -n team-a',
      'create clusterrole node-reader --verb=get,list --resource=nodes',
      'create clusterrolebinding read-nodes --clusterrole=node-reader --user=jane',
      'create quota team-quota --hard=pods=10,requests.cpu=2 -n team-a',
      'create priorityclass high --value=1000 --description=important',
      'create pdb web-pdb --selector=app=web --min-available=1 -n team-a',
      'create ingress web --rule=example.com/=web:80 -n team-a',
      'create job once --image=busybox -n team-a -- echo hi',
      "create cronjob nightly --image=busybox --schedule='0 0 * * *' -n team-a -- date",
      'create deployment web --image=nginx -n team-a',
      'create deployment bad --image=nginx --replicas=-1',
      'create configmap dry --from-literal=a=b --dry-run=client -o yaml',
      'create service clusterip nope',
      'create secret generic empty -n team-a',
      'create configmap saved --from-literal=a=b --save-config -n team-a',
      'create -f cm.yaml --save-config -n team-a',
      'create -f cm.yaml --dry-run=client -o yaml -n team-a',
      'get cm saved settings -n team-a -o yaml',
      'get all -n team-a',
      'get cm,secret,sa,role,rolebinding,quota,pdb,ingress -n team-a',
      'get deploy -n team-a -o wide',
      'get svc -n team-a -o wide',
      'describe role pod-reader -n team-a',
      'describe rolebinding read-pods -n team-a',
      'describe quota team-quota -n team-a',
      'describe pdb web-pdb -n team-a',
      'describe secret db -n team-a',
      // kubectl describes a ConfigMap's keys in Go's random map order: one key keeps the comparison fair.
      'describe configmap saved -n team-a',
      'describe sa builder -n team-a',
      'describe cronjob nightly -n team-a',
      'describe clusterrolebinding read-nodes',
      'get secret db -n team-a -o jsonpath={.data.password}',
      'get cm app-config -n team-a -o yaml',
      'get clusterrole node-reader -o yaml',
      'get priorityclass high -o yaml',
      'auth can-i list pods -n team-a --as=system:serviceaccount:team-a:builder',
      'auth can-i delete pods -n team-a --as=system:serviceaccount:team-a:builder',
    ],
    state: [
      'get deploy web api multi -n team-a -o yaml',
      'get svc -n team-a -o yaml',
      'get cm app-config -n team-a -o yaml',
      'get role,rolebinding -n team-a -o yaml',
      'get quota,pdb,ingress,cronjob -n team-a -o yaml',
    ],
  },
  {
    name: 'apply, label, annotate, scale, set, patch',
    mode: 'write',
    files: { 'web.yaml': DEPLOY_YAML, 'web-v2.yaml': DEPLOY_YAML_V2, 'cm.yaml': CM_YAML, 'typo.yaml': BAD_FIELD_YAML, 'broken.yaml': INVALID_YAML, 'noimage.yaml': MISSING_IMAGE_YAML },
    commands: [
      'apply -f web.yaml',
      'apply -f web.yaml',
      'apply -f web-v2.yaml',
      'apply -f cm.yaml',
      'apply -f typo.yaml',
      'apply -f typo.yaml --validate=strict',
      'create -f typo.yaml --validate=strict',
      'apply -f noimage.yaml',
      'apply -f missing.yaml',
      'create -f cm.yaml',
      'get deploy web -o yaml',
      'get cm settings -o yaml',
      'apply view-last-applied deploy/web',
      'apply view-last-applied cm/settings -o json',
      'label deploy web tier=frontend',
      'label deploy web tier=backend',
      'label deploy web tier=backend --overwrite',
      'label deploy web tier-',
      'label deploy web tier-',
      'label deploy nope a=b',
      'label nodes node01 disk=ssd',
      'get nodes -L disk',
      'get nodes -l disk=ssd',
      "get nodes -l 'disk notin (hdd)'",
      'annotate deploy web owner=ops',
      'annotate deploy web owner=dev',
      'annotate deploy web owner=dev --overwrite',
      'annotate deploy web owner-',
      'annotate cm settings note=x',
      'scale deploy web --replicas=4',
      'scale deploy web --replicas=1 --current-replicas=3',
      'scale deploy nope --replicas=1',
      'set image deploy/web nginx=nginx:1.28',
      'set image deploy/web nosuch=nginx',
      'set env deploy/web MODE=fast',
      'set env deploy/web --list',
      'set env deploy/web MODE-',
      'set resources deploy/web -c=nginx --limits=cpu=200m,memory=256Mi --requests=cpu=100m',
      `patch deploy web -p '{"spec":{"replicas":2}}'`,
      `patch deploy web --type=merge -p '{"metadata":{"labels":{"patched":"yes"}}}'`,
      `patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]'`,
      `patch deploy web --type=json -p '[{"op":"remove","path":"/spec/nope"}]'`,
      `patch cm settings -p '{"data":{"mode":"slow"}}'`,
      `patch cm settings -p '{"data":{"mode":"slow"}}'`,
      'get deploy web -o yaml',
      'get deploy web -o jsonpath={.spec.template.spec.containers[0].resources}',
    ],
    state: ['get deploy web -o yaml', 'get cm settings -o yaml', 'get node node01 -o yaml'],
  },
  {
    name: 'server-side apply creates and updates',
    mode: 'write',
    files: { 'ssa.yaml': CM_YAML.replace('name: settings', 'name: ssa-settings'), 'ssa-v2.yaml': CM_YAML.replace('name: settings', 'name: ssa-settings').replace('mode: fast', 'mode: slow') },
    commands: ['apply --server-side -f ssa.yaml', 'apply --server-side -f ssa-v2.yaml', 'get cm ssa-settings -o jsonpath={.data.mode}', 'apply --server-side -f ssa.yaml --dry-run=server', 'get cm ssa-settings -o jsonpath={.data.mode}'],
    state: ['get cm ssa-settings -o jsonpath={.data}'],
  },
  {
    name: 'rollouts',
    mode: 'write',
    setup: ['kubectl create deployment app --image=nginx:1.26 --replicas=2'],
    commands: [
      'rollout history deploy/app',
      'set image deploy/app nginx=nginx:1.27',
      'rollout history deploy/app',
      'rollout history deploy/app --revision=1',
      'annotate deploy app kubernetes.io/change-cause=upgrade --overwrite',
      'set image deploy/app nginx=nginx:1.28',
      'rollout history deploy/app',
      'rollout undo deploy/app',
      'rollout undo deploy/app --to-revision=99',
      // -o prints the Deployment as kubectl read it, before the rollback
      'rollout undo deploy/app --to-revision=3 -o jsonpath={.spec.template.spec.containers[0].image}',
      'rollout pause deploy/app',
      'rollout pause deploy/app',
      'rollout resume deploy/app',
      'rollout resume deploy/app',
      'rollout history deploy/nope',
      'get deploy app -o jsonpath={.spec.template.spec.containers[0].image}',
    ],
    state: ['get deploy app -o yaml'],
  },
  {
    name: 'delete, taint, cordon',
    mode: 'write',
    setup: ['kubectl create deployment gone --image=nginx', 'kubectl create configmap c1 --from-literal=a=b', 'kubectl create configmap c2 --from-literal=a=b', 'kubectl create ns scratch'],
    commands: [
      'rollout restart deploy/gone',
      'delete deploy gone',
      'delete deploy gone',
      'delete cm c1 c2',
      'delete cm --all',
      'delete ns scratch',
      'delete foo bar',
      'taint nodes node01 dedicated=db:NoSchedule',
      'taint nodes node01 dedicated=db:NoSchedule',
      'taint nodes node01 dedicated-',
      'cordon node01',
      'cordon node01',
      'uncordon node01',
      'cordon node/node01 --dry-run=client',
      'cordon nodes/node01 node02 --dry-run=server',
      'cordon node01 nope node02',
      'cordon deploy/nope',
      'cordon configmap/c1',
      'cordon foo/x',
      'uncordon node/node01 --dry-run=true',
      'taint nodes/node01 a=b:NoSchedule',
      'taint a=b:NoSchedule',
      'taint nodes a=b:NoSchedule',
      'taint node node01/x a=b:NoSchedule',
      'taint Pods x a=b:NoSchedule',
      'taint nodes node01 a=b:NoSchedule a-',
      'taint nodes --all -l x=y a=b:NoSchedule',
      'taint nodes node01 a=b:NoSchedule node02',
      'taint no node01 node02 a=b:NoSchedule --dry-run=client',
      'get nodes',
    ],
    state: ['get node node01 -o yaml'],
  },
];
