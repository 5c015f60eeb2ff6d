import { differentialSuite } from './differential/suite.ts';

/**
 * `kubectl exec` and `kubectl logs` of the real kubectl through `kubelab
 * serve`: exec travels over WebSocket (the v5 remote-command protocol), its
 * exit status on the error stream; refusals arrive before the upgrade.
 */
differentialSuite('exec and logs', [
  {
    name: 'a running nginx pod',
    mode: 'read',
    setup: ['kubectl run web --image=nginx', 'kubectl wait --for=condition=Ready pod/web --timeout=60s', 'kubectl create serviceaccount viewer'],
    commands: [
      'exec web -- ls /',
      'exec web -- cat /etc/hostname',
      "exec web -- sh -c 'echo out; echo err >&2; exit 3'",
      'exec web -- false',
      'exec web -c nope -- ls',
      'exec nope -- ls',
      'exec web -- ls /usr',
      'exec web -c web -- ls -la /etc/nginx/conf.d',
      'exec pod/web -- nginx -v',
      'exec web --as=system:serviceaccount:default:viewer -- ls',
      'logs web',
      'logs web --tail=2',
    ],
  },
]);
