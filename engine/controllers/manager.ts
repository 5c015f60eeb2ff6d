import type { Runtime } from '../base/runtime.ts';
import type { ApiClient } from '../client/client.ts';
import { SharedInformerFactory } from '../client/informer-factory.ts';
import { newRecorder, type Controller, type ControllerDef, type ControllerOptions } from './base/context.ts';

/**
 * isControllerEnabled is the --controllers flag's rule: a controller named
 * (or named with a leading '-') is on (or off); otherwise '*' turns on the
 * controllers that are on by default; without '*', nothing else runs.
 */
export function isControllerEnabled(def: ControllerDef, flags: readonly string[]): boolean {
  let star = false;
  for (const f of flags) {
    const neg = f.startsWith('-');
    const n = neg ? f.slice(1) : f;
    if (n === def.name || def.aliases.includes(n)) return !neg;
    if (f === '*') star = true;
  }
  return star && def.enabledByDefault;
}

/** ControllerManagerOptions configure startControllerManager. */
export interface ControllerManagerOptions extends ControllerOptions {
  runtime: Runtime;
  /** client is the manager's own identity (system:kube-controller-manager); the shared informers use it */
  client?: ApiClient;
  /**
   * clientFor gives the client of one controller's kube-system service account
   * (--use-service-account-credentials); without it every controller uses client.
   */
  clientFor?: (serviceAccount: string) => ApiClient;
  /** controllers is --controllers (default ['*']) */
  controllers?: string[];
}

/** runControllers starts the enabled controllers of table over one informer factory. */
export function runControllers(table: readonly ControllerDef[], opts: ControllerManagerOptions): { stop(): void; running: string[] } {
  const base = opts.client ?? opts.clientFor?.('kube-controller-manager');
  if (!base) throw new Error('startControllerManager needs a client or clientFor');
  const informers = new SharedInformerFactory(base, opts.runtime);
  const flags = opts.controllers ?? ['*'];
  const started: Controller[] = [];
  const running: string[] = [];
  for (const def of table) {
    if (!isControllerEnabled(def, flags)) continue;
    const client = opts.clientFor && !def.rootClient ? opts.clientFor(def.serviceAccount) : base;
    started.push(
      def.start({
        runtime: opts.runtime,
        informers,
        client,
        recorder: (component) => newRecorder(client, opts.runtime, component),
        options: opts,
      }),
    );
    running.push(def.name);
  }
  informers.start();
  return {
    running,
    stop() {
      for (const c of started) c.stop();
      informers.stop();
    },
  };
}
