import type { Scenario } from './scenario.ts';

const CMS_YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: from-file
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: from-file-2
`;

/**
 * DELETE_SCENARIOS: kubectl delete's flags and refusals as a candidate meets
 * them (dry runs, -o name, --now/--force/--grace-period, --cascade, selectors,
 * --ignore-not-found, files, -i answered from stdin), judged against the
 * real kubectl on the same cluster.
 */
export const DELETE_SCENARIOS: Scenario[] = [
  {
    name: 'kubectl delete: flags, dry runs and refusals',
    mode: 'write',
    files: { 'cms.yaml': CMS_YAML },
    setup: ['kubectl create cm a', 'kubectl create cm b', 'kubectl create cm c --from-literal=k=v', 'kubectl label cm c tier=x', 'kubectl apply -f cms.yaml'],
    commands: [
      'kubectl delete cm a --dry-run=client',
      'kubectl delete cm a --dry-run=server',
      'kubectl delete cm a -o name --dry-run=server',
      'kubectl delete cm a -o yaml',
      'kubectl delete cm --all -l x=y',
      'kubectl delete cm a --all',
      'kubectl delete cm a -l x=y',
      'kubectl delete cm a --now --grace-period=3',
      'kubectl delete cm a --force --grace-period=3',
      'kubectl delete cm a --cascade=xx',
      'kubectl delete cm a --cascade=false --dry-run=client',
      'kubectl delete ns default --dry-run=client -n default',
      'kubectl delete cm',
      'kubectl delete',
      'kubectl delete -f cms.yaml cm a',
      'kubectl delete cm -l nope=1',
      'kubectl delete cm -l tier=x',
      'kubectl delete cm a nope',
      'kubectl delete cm nope --ignore-not-found',
      'kubectl delete -f cms.yaml -o name',
      'kubectl delete -f cms.yaml',
      'kubectl delete -f cms.yaml --ignore-not-found',
      'kubectl delete cm b --grace-period=0 --force',
      'kubectl delete cm/nope pods',
      'kubectl delete nosuch a',
    ],
    state: ['get cm -o name'],
  },
];
