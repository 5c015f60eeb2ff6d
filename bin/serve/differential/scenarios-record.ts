import type { Scenario } from './scenario.ts';
import { CM_YAML } from './manifests.ts';

const API_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
      annotations:
        team: blue
    spec:
      serviceAccountName: default
      containers:
      - name: api
        image: nginx:1.26
        ports:
        - containerPort: 80
        env:
        - name: MODE
          value: prod
        resources:
          requests:
            memory: 64Mi
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
        emptyDir: {}
`;

/**
 * RECORD_SCENARIOS: `--record`, deprecated but accepted by kubectl 1.33 on the
 * commands that change objects (and common in CKA material): the deprecation
 * notice, the kubernetes.io/change-cause it writes (the program's name, the
 * arguments, then every flag as --long-name=value) and `rollout history`
 * showing it; and the commands that do not take it.
 */
export const RECORD_SCENARIOS: Scenario[] = [
  {
    name: '--record writes the command line into change-cause',
    mode: 'write',
    files: { 'cm.yaml': CM_YAML, 'api.yaml': API_YAML },
    setup: ['kubectl create deployment web --image=nginx:1.26 --replicas=1', 'kubectl rollout status deploy/web', 'kubectl create service clusterip svc --tcp=80:80'],
    commands: [
      'set image deploy/web nginx=nginx:1.27 --record',
      'rollout history deploy/web',
      '-n default set image deploy/web nginx=nginx:1.28 --record=true',
      'rollout history deploy/web',
      'rollout history deploy/web --revision=2',
      'set image deploy/web nginx=nginx:1.29 --record=false',
      'rollout history deploy/web',
      'set resources deploy/web --limits=cpu=200m --record',
      'set serviceaccount deploy/web default --record',
      'set selector svc/svc app=web --record',
      'get svc svc -o jsonpath={.metadata.annotations}',
      'scale deploy web --replicas=2 --record',
      'get deploy web -o jsonpath={.metadata.annotations}',
      'label deploy web a=b --record',
      'annotate deploy web x=y --record',
      'annotate deploy web kubernetes.io/change-cause=manual --record',
      'get deploy web -o jsonpath={.metadata.annotations}',
      'patch deploy web -p {"spec":{"minReadySeconds":1}} --record',
      'get deploy web -o jsonpath={.metadata.annotations}',
      'create -f cm.yaml --record --dry-run=client -o yaml',
      'create -f cm.yaml --record',
      'apply -f cm.yaml --record',
      'get cm settings -o yaml',
      'expose deploy web --port=80 --name=webx --record',
      'get svc webx -o jsonpath={.metadata.annotations}',
      'autoscale deploy web --max=3 --record',
      'get hpa web -o jsonpath={.metadata.annotations}',
      'run p1 --image=nginx --record --labels=a=b --env=A=1 --env=B=2 -- sleep 10',
      'get pod p1 -o jsonpath={.metadata.annotations}',
      'run p2 --image=nginx --record --dry-run=client -o yaml',
      'apply -f api.yaml --record',
      'set image deploy/api api=nginx:1.27 --record',
      'rollout history deploy/api',
      'rollout history deploy/api --revision=1',
      'rollout history deploy/api --revision=2',
      'rollout history deploy/api --revision=2 -o yaml',
      'rollout history deploy/api -o name',
      'rollout history deploy/api --revision=9 -o yaml',
      'rollout undo deploy/api --to-revision=1',
      'rollout history deploy/api',
      'get deploy api -o jsonpath={.metadata.annotations}',
      'rollout undo deploy/api',
      'rollout history deploy/api',
    ],
    state: ['get deploy web -o yaml', 'get svc -o yaml', 'get cm settings -o yaml', 'get hpa web -o yaml', 'get pod p1 -o yaml'],
  },
  {
    name: '--record: the notice, and the commands that do not take it',
    mode: 'write',
    setup: ['kubectl create deployment web --image=nginx:1.26 --replicas=1'],
    commands: [
      'set image deploy/web nginx=nginx:1.27 --record --help',
      'set image deploy/web --record',
      'set image deploy/web nginx=nginx:1.28 --record --bogus',
      'set image deploy/web nginx=nginx:1.28 --record=maybe',
      'scale deploy web --replicas=1 --record --dry-run=client',
      'create deployment x --image=nginx --record',
      'set env deploy/web A=1 --record',
      'set subject rolebinding x --user=u --record',
      'rollout restart deploy/web --record',
      'delete pod nope --record',
      'taint node node01 a=b:NoSchedule --record',
      'replace -f nope.yaml --record',
    ],
    state: ['get deploy web -o yaml'],
  },
];
