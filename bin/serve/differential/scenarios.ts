/**
 * The differential suite's scenarios: command lines run through the engine's
 * kubectl and through the real kubectl against `kubelab serve`, from the same
 * cluster state. `read` scenarios share one lab; in `write` scenarios each
 * kubectl gets its own lab booted from the same seed, so both start equal and
 * every command changes both the same way.
 */
export interface Scenario {
  name: string;
  mode: 'read' | 'write';
  /** setup lines run in the lab's terminal (on both labs in write mode) before the commands */
  setup?: string[];
  commands: string[];
}

/** KNOWN_DIFFERENCES lists commands whose output differs on purpose, with why (docs/fidelity.md shows them). */
export const KNOWN_DIFFERENCES: Record<string, string> = {};

export const SCENARIOS: Scenario[] = [
  {
    name: 'a fresh cluster',
    mode: 'read',
    commands: [
      'get nodes',
      'get nodes -o wide',
      'get nodes -o name',
      'get nodes --show-labels',
      'get ns',
      'get namespaces default -o yaml',
      'get namespaces kube-system -o json',
      'get pods',
      'get pods -A',
      'get svc',
      'get services -A -o wide',
      'get svc kubernetes -o yaml',
      'get pods nope',
      'get pod nope other',
      'get nodes node01 -o yaml',
      'get clusterroles cluster-admin -o yaml',
      'get clusterrolebindings cluster-admin',
      'get nodes -l node-role.kubernetes.io/control-plane',
      'get nodes -l kubernetes.io/hostname=node01',
      'get nodes --no-headers',
      'get ns -o name',
      'get foo',
      'get pods --bogus-flag',
    ],
  },
];
