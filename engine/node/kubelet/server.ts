import type { Readable, Writable } from '../../host/streams.ts';
import { Interrupt } from '../../host/interrupt.ts';
import { renderLog, type LogLine, type LogOptions } from '../runtime/logs.ts';
import type { KubeletContext } from './context.ts';
import type { PodWorker } from './pod-worker.ts';
import { lastTerminatedOf } from './last-state.ts';

/** KubeletApi is what the kubelet serves on :10250 to the apiserver (containerLogs, exec). */
export interface KubeletApi {
  /** containerLogs answers the text of a container's log, or an error text with its HTTP status */
  containerLogs(namespace: string, pod: string, container: string, o: LogOptions & { previous?: boolean }): { text: string; follow?: (cb: (chunk: string) => void) => () => void } | { status: number; error: string };
  /** exec runs argv in a running container; it resolves with the exit code */
  exec(namespace: string, pod: string, container: string, argv: string[], io: { stdin?: Readable; stdout: Writable; stderr: Writable; signal?: Interrupt }): Promise<number> | { status: number; error: string };
  /** running tells whether a container of a pod runs now (what the kubelet checks before upgrading an exec or attach) */
  running(namespace: string, pod: string, container: string): boolean;
  /** attach joins a running container's process; it resolves with its exit code, or undefined when the client left first */
  attach(namespace: string, pod: string, container: string, io: { stdin?: Readable; stdout: Writable; signal?: Interrupt }): Promise<number | undefined> | { status: number; error: string };
}

/** KUBELET_PROTOCOL is the listener protocol of the kubelet's API port. */
export const KUBELET_PROTOCOL = 'kubelet';

/**
 * KubeletServer is the kubelet's authenticated API port: the apiserver
 * reaches it for `kubectl logs` and `kubectl exec` (pods/log, pods/exec).
 */
export class KubeletServer implements KubeletApi {
  constructor(
    private readonly k: KubeletContext,
    private readonly workerOf: (ns: string, name: string) => PodWorker | undefined,
  ) {}

  /** listen binds :10250 on the node; it returns the function that closes it. */
  listen(): () => void {
    const net = this.k.cri.opts.net;
    const l = net.listen(this.k.nodeName, '0.0.0.0', 10250, { protocol: KUBELET_PROTOCOL, handler: this as KubeletApi });
    // the healthz port kubeadm's config names (healthzBindAddress 127.0.0.1, healthzPort 10248): `curl localhost:10248/healthz`
    const health = net.listen(this.k.nodeName, '127.0.0.1', 10248, {
      protocol: 'http',
      handler: { handle: (req: { path: string }) => (req.path.split('?')[0] === '/healthz' ? { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' } : { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' }) },
    });
    return () => {
      l.close();
      health.close();
    };
  }

  containerLogs(ns: string, pod: string, container: string, o: LogOptions & { previous?: boolean }): ReturnType<KubeletApi['containerLogs']> {
    const w = this.workerOf(ns, pod);
    const slot = w?.containerFor(container);
    if (!w || !slot) return { status: 404, error: `container ${container} is not valid for pod ${pod}` };
    const rec = o.previous ? lastTerminatedOf(slot) : slot.current;
    if (!rec) {
      if (o.previous) return { status: 400, error: `previous terminated container "${container}" in pod "${pod}" not found` };
      return { status: 400, error: `container "${container}" in pod "${pod}" is waiting to start: ContainerCreating` };
    }
    const text = renderLog(rec.log.lines, o);
    return {
      text,
      follow: (cb) => {
        if (rec.state !== 'CONTAINER_RUNNING') return () => {};
        return rec.log.follow((l: LogLine) => cb(renderLog([l], { timestamps: o.timestamps })));
      },
    };
  }

  exec(ns: string, pod: string, container: string, argv: string[], io: { stdin?: Readable; stdout: Writable; stderr: Writable; signal?: Interrupt }): ReturnType<KubeletApi['exec']> {
    const w = this.workerOf(ns, pod);
    const rec = w?.containerFor(container)?.current;
    if (!w || !rec) return { status: 400, error: `unable to upgrade connection: container not found ("${container}")` };
    if (rec.state !== 'CONTAINER_RUNNING') return { status: 400, error: `unable to upgrade connection: container not found ("${container}")` };
    const r = this.k.cri.exec(rec.id, argv, { ...io, signal: io.signal ?? new Interrupt() });
    if ('then' in r) return r;
    return { status: 500, error: r.error };
  }

  running(ns: string, pod: string, container: string): boolean {
    return this.workerOf(ns, pod)?.containerFor(container)?.current?.state === 'CONTAINER_RUNNING';
  }

  attach(ns: string, pod: string, container: string, io: { stdin?: Readable; stdout: Writable; signal?: Interrupt }): ReturnType<KubeletApi['attach']> {
    const rec = this.workerOf(ns, pod)?.containerFor(container)?.current;
    if (!rec || rec.state !== 'CONTAINER_RUNNING') return { status: 400, error: `unable to upgrade connection: container not found ("${container}")` };
    const r = this.k.cri.attach(rec.id, io);
    if ('then' in r) return r;
    return { status: 500, error: r.error };
  }
}
