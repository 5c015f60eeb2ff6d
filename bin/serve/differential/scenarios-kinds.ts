import { DS_YAML, PC_YAML, STS_YAML } from './manifests.ts';
import type { Scenario } from './scenario.ts';
import { WORKLOAD_FILES, WORKLOAD_SETUP } from './scenarios-cka.ts';

/** KINDS are what `describe` and `get -o wide` are tried on: every kind a CKA candidate meets, by the names they type. */
const DESCRIBED = [
  'deployment', 'replicaset', 'statefulset', 'daemonset', 'job', 'cronjob', 'service', 'ingress', 'networkpolicy',
  'pv', 'pvc', 'storageclass', 'configmap', 'secret', 'serviceaccount', 'role', 'rolebinding', 'clusterrole watcher',
  'clusterrolebinding watcher', 'node', 'namespace dev', 'hpa', 'pdb', 'resourcequota', 'limitrange', 'priorityclass high',
  'lease -n kube-node-lease', 'endpointslice',
];
const LISTED = [
  'deploy', 'rs', 'sts', 'ds', 'job', 'cronjob', 'svc', 'ing', 'netpol', 'pv', 'pvc', 'sc', 'cm', 'secret', 'sa', 'role',
  'rolebinding', 'clusterrole watcher', 'clusterrolebinding watcher', 'nodes', 'ns', 'hpa', 'pdb', 'quota', 'limits', 'pc',
  'lease -A', 'endpointslices', 'pods -A', 'ep', 'ingressclass',
];

/** RARE are kinds every cluster has that the exam seldom names, listed and described as they are. */
const RARE = [
  'controllerrevisions', 'csinodes', 'csidrivers', 'runtimeclasses', 'apiservices', 'validatingwebhookconfigurations',
  'mutatingwebhookconfigurations', 'flowschemas', 'prioritylevelconfigurations', 'servicecidrs', 'ipaddresses',
  'podtemplates', 'replicationcontrollers', 'events.events.k8s.io', 'leases -n kube-system', 'resourceslices', 'deviceclasses',
  'validatingadmissionpolicies', 'volumeattachments', 'serviceaccounts -n kube-system',
];

/**
 * KINDS_SCENARIOS: on the cluster with workloads (plus a StatefulSet, a
 * DaemonSet, a PodDisruptionBudget, a PriorityClass, cluster-wide RBAC and a
 * second namespace), `describe` and `get -o wide` of every kind, the
 * revision histories, sorted events, `top`, `auth can-i --list`, `explain`
 * and `api-resources`.
 */
export const KINDS_SCENARIOS: Scenario[] = [
  {
    name: 'the rarer kinds a candidate may list or describe',
    mode: 'read',
    files: { 'sts.yaml': STS_YAML, 'ds.yaml': DS_YAML },
    setup: ['kubectl apply -f sts.yaml', 'kubectl apply -f ds.yaml', 'kubectl rollout status sts/db', 'kubectl rollout status ds/agent'],
    commands: [
      ...RARE.map((k) => `get ${k} -o wide`),
      ...RARE.map((k) => `describe ${k}`),
      'get --raw /healthz',
      'get --raw /livez',
      'get --raw /readyz',
      'get --raw /version',
      'api-versions',
    ],
  },
  {
    name: 'every kind described and listed wide',
    mode: 'read',
    files: { ...WORKLOAD_FILES, 'sts.yaml': STS_YAML, 'ds.yaml': DS_YAML, 'pc.yaml': PC_YAML },
    setup: [
      ...WORKLOAD_SETUP,
      'kubectl apply -f sts.yaml',
      'kubectl apply -f ds.yaml',
      'kubectl apply -f pc.yaml',
      'kubectl create pdb web --selector=app=web --min-available=1',
      'kubectl create clusterrole watcher --verb=watch --resource=pods',
      'kubectl create clusterrolebinding watcher --clusterrole=watcher --user=jane',
      'kubectl create ns dev',
      'kubectl create cm cfg2 -n dev --from-literal=x=y',
      'kubectl rollout status sts/db',
      'kubectl rollout status ds/agent',
    ],
    commands: [
      ...DESCRIBED.map((k) => `describe ${k}`),
      'describe statefulset db',
      'describe daemonset agent',
      'describe pod -l app=db',
      'describe ingressclass nginx',
      'rollout status sts/db',
      'rollout status ds/agent',
      ...LISTED.map((k) => `get ${k} -o wide`),
      'rollout history deploy/web --revision=2',
      'rollout history sts/db',
      'rollout history ds/agent',
      'rollout history sts/db --revision=1',
      'rollout history ds/agent --revision=1',
      'rollout history sts/db --revision=3',
      'rollout history sts/db -o name',
      'rollout history rs',
      'get events --sort-by=.metadata.creationTimestamp',
      'get events -A --sort-by=.lastTimestamp',
      'get events -A --sort-by=.metadata.creationTimestamp -o name',
      'get events --field-selector type=Warning',
      'top nodes',
      'top pods',
      'top pods -A',
      'top pods --containers',
      'top nodes --no-headers',
      'auth can-i --list',
      'auth can-i --list -n dev',
      'auth can-i --list --as=jane',
      'explain pods',
      'explain deploy.spec.strategy',
      'explain pod.spec.containers.resources',
      'explain svc --recursive',
      'api-resources -o wide',
      'api-resources --namespaced=false',
      'api-resources -o name',
      'api-resources --api-group=apps -o wide',
    ],
  },
  {
    name: 'DaemonSet and StatefulSet histories after an image change',
    mode: 'write',
    files: { 'sts.yaml': STS_YAML, 'ds.yaml': DS_YAML },
    setup: ['kubectl apply -f sts.yaml', 'kubectl apply -f ds.yaml', 'kubectl rollout status sts/db', 'kubectl rollout status ds/agent'],
    commands: [
      'set image sts/db db=redis:7.2 --record',
      'set image ds/agent agent=busybox:1.36',
      'rollout history sts/db',
      'rollout history ds/agent',
      'rollout history sts/db --revision=2',
      'rollout history ds/agent --revision=2',
      'rollout history ds/agent --revision=5',
      'rollout history sts/db -o yaml',
      'rollout undo sts/db --to-revision=9',
      'rollout undo ds/agent --dry-run=client',
      'rollout undo ds/agent',
      'scale ds agent --replicas=2',
      'set image ds/agent agent=busybox:1.36 --dry-run=client',
      'set selector ds agent app=x',
      'create job from-cj --from=cj',
      'create job from-cj --from=cronjob/',
      'create job from-cj --from=cronjob/nope',
    ],
    state: ['get sts db -o yaml', 'get ds agent -o yaml'],
  },
  {
    name: 'write commands print -o jsonpath and go-template',
    mode: 'write',
    setup: ['kubectl create deployment web --image=nginx:1.26'],
    commands: [
      'set image deploy/web nginx=nginx:1.27 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].image}',
      'create cm x --from-literal=a=b --dry-run=client -o jsonpath={.data}',
      'run p --image=nginx --dry-run=client -o go-template={{.metadata.name}}',
      'label deploy web a=b -o jsonpath={.metadata.labels}',
      'create cm y --from-literal=a=b -o jsonpath={.metadata.name}',
      'set resources deploy web --requests=cpu=10m --record --dry-run=server -o jsonpath={.metadata.annotations}',
      'create cm z --dry-run=client -o jsonpath={.nope.x}',
      'create cm z --dry-run=client -o jsonpath={.data.a} --allow-missing-template-keys=false',
      'create cm z --dry-run=client -o go-template --template={{.kind}}',
    ],
    state: ['get deploy web -o yaml', 'get cm -o name'],
  },
];
