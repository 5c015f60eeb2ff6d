/**
 * A differential scenario: command lines run through the engine's kubectl and
 * through the real kubectl against `kubelab serve`, from the same cluster
 * state. `read` scenarios share one lab; in `write` scenarios each kubectl
 * gets its own lab booted from the same seed, so both start equal and every
 * command changes both the same way.
 */
export interface Scenario {
  name: string;
  mode: 'read' | 'write';
  /** files written at the same relative path for both kubectls before the setup (manifests for apply -f) */
  files?: Record<string, string>;
  /** setup lines run in the lab's terminal (on both labs in write mode) before the commands */
  setup?: string[];
  commands: string[];
  /**
   * state lines (kubectl arguments, usually `get … -o yaml`) run through the
   * engine's kubectl on both labs after a write scenario: what each kubectl
   * left behind must be the same objects.
   */
  state?: string[];
}
