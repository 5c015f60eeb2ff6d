import type { Runtime } from '../../base/runtime.ts';
import { goDuration } from './images.ts';
import type { Klog } from './klog.ts';

/** MAX_WAIT_FOR_CONTAINER_RUNTIME_MS: the runtime is "down" once its last good status check is this old (kubelet's maxWaitForContainerRuntime). */
export const MAX_WAIT_FOR_CONTAINER_RUNTIME_MS = 30_000;
/** PLEG_RELIST_THRESHOLD_MS: PLEG is unhealthy once its last successful relist is this old (genericPlegRelistThreshold). */
export const PLEG_RELIST_THRESHOLD_MS = 180_000;
/** How often the kubelet asks the runtime for its status (updateRuntimeUp) and PLEG relists pods. */
export const RUNTIME_STATUS_PERIOD_MS = 5_000;
export const PLEG_RELIST_PERIOD_MS = 1_000;

/**
 * aggregateError is utilerrors.NewAggregate(errs).Error(): one message alone,
 * several as "[a, b]" (duplicates once).
 */
export function aggregateError(msgs: string[]): string | undefined {
  const seen = [...new Set(msgs)];
  if (seen.length === 0) return undefined;
  return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`;
}

/**
 * RuntimeState is the kubelet's view of its container runtime: the status
 * check (every 5 s) and PLEG's relist (every second) succeed only while the
 * runtime's socket answers. When they stop succeeding the runtime is "down"
 * after 30 s and PLEG "not healthy" after 3 min: the node's Ready condition
 * and the sync loop read these errors, as the kubelet's runtimeState does.
 */
export class RuntimeState {
  private lastBaseRuntimeSync: number | undefined;
  private lastRelist: number;

  constructor(
    private readonly runtime: Runtime,
    private readonly klog: Klog,
    /** up tells whether the runtime's socket answers now */
    private readonly up: () => boolean,
    /** endpoint is the CRI endpoint the kubelet dials (unix:///…) */
    private readonly endpoint: string,
  ) {
    this.lastRelist = runtime.now;
    if (up()) this.lastBaseRuntimeSync = runtime.now;
  }

  /** dialError is the gRPC error of a call to the runtime while its socket is gone. */
  dialError(): string {
    return `rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${this.endpoint.replace(/^unix:\/\//, '')}: connect: no such file or directory"`;
  }

  /** updateRuntimeUp is the periodic status check: a success records the time, a failure is logged. */
  updateRuntimeUp(): void {
    if (this.up()) {
      this.lastBaseRuntimeSync = this.runtime.now;
      return;
    }
    const err = this.dialError();
    this.klog.error('log.go:32', 'Status from runtime service failed', { err });
    this.klog.error('kubelet.go:3117', 'Container runtime sanity check failed', { err });
  }

  /** relist is PLEG's periodic listing of the runtime's pods; it fails while the runtime is unreachable. */
  relist(): void {
    if (this.up()) this.lastRelist = this.runtime.now;
  }

  /** errors are runtimeErrors(): why the runtime is not usable now (empty when it is). */
  errors(): string[] {
    const now = this.runtime.now;
    const errs: string[] = [];
    if (this.lastBaseRuntimeSync === undefined) errs.push('container runtime status check may not have completed yet');
    else if (this.lastBaseRuntimeSync + MAX_WAIT_FOR_CONTAINER_RUNTIME_MS <= now) errs.push('container runtime is down');
    const sinceRelist = now - this.lastRelist;
    if (sinceRelist > PLEG_RELIST_THRESHOLD_MS) errs.push(`PLEG is not healthy: pleg was last seen active ${goDuration(sinceRelist)} ago; threshold is ${goDuration(PLEG_RELIST_THRESHOLD_MS)}`);
    return errs;
  }

  /** healthy tells whether the sync loop may sync pods; when it may not, it logs why, as the kubelet does. */
  healthy(): boolean {
    const msg = aggregateError(this.errors());
    if (msg === undefined) return true;
    this.klog.error('kubelet.go:2527', 'Skipping pod synchronization', { err: msg });
    return false;
  }
}
