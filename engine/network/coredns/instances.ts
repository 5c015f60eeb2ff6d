import type { Runtime } from '../../base/runtime.ts';
import type { CoreConfig } from './corefile.ts';

/**
 * The configuration each running coredns container serves, by pod address.
 * A CoreDNS process keeps the Corefile it started with (or last reloaded
 * successfully), whatever the ConfigMap says now: the cluster DNS answers
 * with the configuration of the pods that serve.
 */
const running = new WeakMap<Runtime, Map<string, CoreConfig>>();

/** setServingConfig records the configuration the coredns process at podIp serves (undefined: it stopped). */
export function setServingConfig(runtime: Runtime, podIp: string, cfg: CoreConfig | undefined): void {
  let m = running.get(runtime);
  if (!m) running.set(runtime, (m = new Map()));
  if (cfg) m.set(podIp, cfg);
  else m.delete(podIp);
}

/** servingConfig is the configuration of the coredns process at podIp, if one runs there. */
export function servingConfig(runtime: Runtime, podIp: string): CoreConfig | undefined {
  return running.get(runtime)?.get(podIp);
}
