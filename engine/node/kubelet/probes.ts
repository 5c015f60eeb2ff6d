import type { Timer } from '../../base/runtime.ts';
import type { ApiHandler } from '../../api/transport.ts';
import type { HttpHandler, TcpHandler } from '../../host/net.ts';
import { NetError } from '../../host/net.ts';
import { Collector } from '../../host/streams.ts';
import type { ContainerRecord } from '../runtime/types.ts';
import type { KubeletContext } from './context.ts';
import type { Container, Probe } from './types.ts';

/** ProbeTarget is the pod side a prober reports to. */
export interface ProbeTarget {
  pod: { metadata: { name?: string; namespace?: string; uid?: string } } & import('../../api/types.ts').KObject;
  setProbeResult(name: string, kind: 'ready' | 'started', value: boolean): void;
  sandbox?: { config: { ip: string } };
  spec: { terminationGracePeriodSeconds?: number };
}

type Kind = 'Liveness' | 'Readiness' | 'Startup';

function portOf(c: Container, port: number | string): number {
  if (typeof port === 'number') return port;
  return c.ports?.find((p) => p.name === port)?.containerPort ?? Number(port);
}

/**
 * Prober runs a pod's liveness, readiness and startup probes on their
 * periods, records Unhealthy events, restarts containers whose liveness or
 * startup probe fails and reports readiness.
 */
export class Prober {
  private timers = new Map<string, Timer[]>();

  constructor(
    private readonly k: KubeletContext,
    private readonly target: ProbeTarget,
  ) {}

  containerStarted(c: Container, rec: ContainerRecord): void {
    this.stop(c.name);
    const timers: Timer[] = [];
    this.timers.set(c.name, timers);
    let started = !c.startupProbe;
    const run = (kind: Kind, probe: Probe, onResult: (ok: boolean, fails: number, succ: number) => void) => {
      let fails = 0;
      let succ = 0;
      const period = (probe.periodSeconds ?? 10) * 1000;
      const tick = () => {
        if (rec.state !== 'CONTAINER_RUNNING') return;
        if (kind !== 'Startup' && !started) return;
        void this.execute(c, rec, probe).then((r) => {
          if (rec.state !== 'CONTAINER_RUNNING') return;
          if (r.ok) {
            succ++;
            fails = 0;
          } else {
            fails++;
            succ = 0;
            this.k.recorder.event(this.target.pod, 'Warning', 'Unhealthy', `${kind} probe failed: ${r.output}`, `spec.containers{${c.name}}`);
          }
          onResult(r.ok, fails, succ);
        });
      };
      const first = this.k.runtime.after((probe.initialDelaySeconds ?? 0) * 1000, () => {
        tick();
        timers.push(this.k.runtime.every(period, tick, 'probe'));
      }, 'probe');
      timers.push(first);
    };
    const restart = (kind: Kind, probe: Probe) => {
      this.k.recorder.event(this.target.pod, 'Normal', 'Killing', `Container ${c.name} failed ${kind.toLowerCase()} probe, will be restarted`, `spec.containers{${c.name}}`);
      this.stop(c.name);
      this.k.cri.stopContainer(rec.id, probe.terminationGracePeriodSeconds ?? this.target.spec.terminationGracePeriodSeconds ?? 30);
    };
    if (c.startupProbe) {
      const p = c.startupProbe;
      run('Startup', p, (ok, fails) => {
        if (ok && !started) {
          started = true;
          this.target.setProbeResult(c.name, 'started', true);
        } else if (!ok && !started && fails >= (p.failureThreshold ?? 3)) restart('Startup', p);
      });
    }
    if (c.livenessProbe) {
      const p = c.livenessProbe;
      run('Liveness', p, (ok, fails) => {
        if (!ok && fails >= (p.failureThreshold ?? 3)) restart('Liveness', p);
      });
    }
    if (c.readinessProbe) {
      const p = c.readinessProbe;
      run('Readiness', p, (ok, fails, succ) => {
        if (ok && succ >= (p.successThreshold ?? 1)) this.target.setProbeResult(c.name, 'ready', true);
        if (!ok && fails >= (p.failureThreshold ?? 3)) this.target.setProbeResult(c.name, 'ready', false);
      });
    }
  }

  /** execute runs one probe and answers with its result and the text the event shows. */
  async execute(c: Container, rec: ContainerRecord, p: Probe): Promise<{ ok: boolean; output: string }> {
    const ip = this.target.sandbox?.config.ip ?? '';
    const net = this.k.cri.opts.net;
    const from = { host: this.k.nodeName, ip: this.k.nodeIp };
    if (p.exec) {
      const out = new Collector();
      const r = this.k.cri.exec(rec.id, p.exec.command ?? [], { stdout: out, stderr: out });
      if (!('then' in r)) return { ok: false, output: r.error };
      const code = await r;
      return { ok: code === 0, output: out.text };
    }
    if (p.httpGet) {
      const port = portOf(c, p.httpGet.port);
      const host = p.httpGet.host ?? ip;
      const path = p.httpGet.path ?? '/';
      const url = `${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path}`;
      try {
        const l = net.dial(from, host, port);
        if (l.protocol === 'kube-api') {
          // The apiserver's own port: /livez, /readyz and /healthz answer anonymous GETs (kubeadm's probes).
          const res = (l.handler as ApiHandler).request({ method: 'GET', path, query: {}, headers: { 'user-agent': 'kube-probe/1.34' }, credentials: {} });
          if (res.status >= 200 && res.status < 400) return { ok: true, output: '' };
          return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
        }
        if (l.protocol !== 'http') return { ok: false, output: `Get "${url}": net/http: HTTP/1.x transport connection broken: malformed HTTP response` };
        const headers: Record<string, string> = { 'user-agent': 'kube-probe/1.34', accept: '*/*' };
        for (const h of p.httpGet.httpHeaders ?? []) headers[h.name.toLowerCase()] = h.value;
        const res = await (l.handler as HttpHandler).handle({ method: 'GET', path, headers, body: '', host: `${host}:${port}`, tls: false }, from);
        if (res.status >= 200 && res.status < 400) return { ok: true, output: '' };
        return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
      } catch (e) {
        return { ok: false, output: `Get "${url}": ${dialText(e, host, port)}` };
      }
    }
    if (p.tcpSocket) {
      const port = portOf(c, p.tcpSocket.port);
      const host = p.tcpSocket.host ?? ip;
      try {
        const l = net.dial(from, host, port);
        void (l.handler as TcpHandler | undefined);
        return { ok: true, output: '' };
      } catch (e) {
        return { ok: false, output: dialText(e, host, port) };
      }
    }
    return { ok: true, output: '' };
  }

  stop(name: string): void {
    for (const t of this.timers.get(name) ?? []) t.cancel();
    this.timers.delete(name);
  }

  stopAll(): void {
    for (const name of [...this.timers.keys()]) this.stop(name);
  }
}

function dialText(e: unknown, host: string, port: number): string {
  if (e instanceof NetError) return e.code === 'ECONNREFUSED' ? `dial tcp ${host}:${port}: connect: connection refused` : `dial tcp ${host}:${port}: i/o timeout`;
  return String((e as Error)?.message ?? e);
}
