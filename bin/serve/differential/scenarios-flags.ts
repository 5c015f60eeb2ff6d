import { STS_YAML } from './manifests.ts';
import type { Scenario } from './scenario.ts';
import { WORKLOAD_FILES, WORKLOAD_SETUP } from './scenarios-cka.ts';

/**
 * FLAGS_SCENARIOS: the flags of get, logs, events and describe a candidate
 * reaches for, and their mistakes, on the cluster with workloads (plus a
 * StatefulSet): --sort-by on fields that are missing, unsortable or on several
 * types at once, --request-timeout, logs' validation and the kinds it cannot
 * find pods for, events printed as Go's typed EventList.
 */
export const FLAGS_SCENARIOS: Scenario[] = [
  {
    name: 'sort-by, logs, events and their mistakes',
    mode: 'read',
    files: { ...WORKLOAD_FILES, 'sts.yaml': STS_YAML },
    setup: [...WORKLOAD_SETUP, 'kubectl apply -f sts.yaml', 'kubectl rollout status sts/db'],
    commands: [
      // a field no row has: the table printer fails quietly, the object printers loudly
      'get pods --sort-by=.nope',
      'get pods -A --sort-by=.nope',
      'get pods -l app=db --sort-by=.nope -o wide',
      'get pods --sort-by=.nope -o name',
      'get pods --sort-by=.nope -o json',
      'get pods -l app=db -o name --sort-by=.nope',
      'get pods -l app=nope -o name --sort-by=.nope',
      'get pod db-0 -o name --sort-by=.nope',
      "get pods --sort-by='{.metadata.name'",
      // several answers are first sorted as whole Table objects
      'get pods,svc --sort-by=.metadata.name',
      'get deploy,sts --sort-by=.spec.replicas',
      'get pods db-0 db-1 --sort-by=.nope',
      'get pods db-0 db-1 --sort-by=.kind',
      'get deploy,sts -o name --sort-by=.spec.replicas',
      // values Go cannot compare end kubectl with klog's F line
      'get pods --sort-by=.metadata.labels',
      'get pods --sort-by=.metadata.labels -o name',
      'get pods --sort-by=.status.containerStatuses[0].ready',
      'get pods --sort-by=.metadata.labels -w',
      'get pods --sort-by=.nope -w',
      'get nodes --sort-by=.spec.podCIDRs',
      'get svc --sort-by=.spec.ports[0].port',
      'get pods --request-timeout=abc',
      'get pods --request-timeout=-5',
      'get pods --request-timeout=5',
      'describe csr',
      'logs db-0 -c nope',
      'logs nope',
      'logs deploy/nope',
      'logs -l app=web -c nope',
      'logs cm/cfg',
      'logs cronjob/tick',
      'logs db-0 --tail=-5',
      'logs nope --tail=-5',
      'logs -l app=nope --tail=-5',
      'logs db-0 --limit-bytes=-1',
      'logs db-0 --since=-1s',
      'logs db-0 --since=0s',
      'logs db-0 --all-containers -c db',
      'logs sts/db',
      'exec deploy/web -- echo hi',
      'exec cronjob/tick -- echo hi',
      'port-forward cronjob/tick 8080:80',
      'attach cronjob/tick',
      'events -o yaml --for pod/nope',
      'events --for deploy/web',
      'events -A --types=Warning -o json',
      'events -A --types=Warning -o yaml',
      'events --for pod/db-0 -o name',
    ],
  },
  {
    name: 'lists in chunks, and a user who may list only some types',
    mode: 'read',
    files: WORKLOAD_FILES,
    setup: [...WORKLOAD_SETUP, 'kubectl create role lister --verb=list,get --resource=pods,services', 'kubectl create rolebinding lister --role=lister --user=jane'],
    commands: [
      // every answer printed first, then every refusal (the builder continues on error)
      'get all --as=jane',
      'get deploy,pods,svc --as=jane',
      'get all --as=jane -o name',
      'get svc nope web nada',
      'get svc nope web -o name',
      // a chunk at a time, following continue tokens: the same output as one list
      'get pods --chunk-size=1',
      'get pods -A --chunk-size=2 -o name',
      'get pods -A --chunk-size=3 -o wide',
      'get pods --chunk-size=1 -l app=web',
      'get svc,deploy --chunk-size=1',
      'describe svc --chunk-size=1',
      'describe node node01 --chunk-size=1',
    ],
  },
];
