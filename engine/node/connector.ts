import { badRequest, notFound, StatusError } from '../base/errors.ts';
import type { KObject } from '../api/types.ts';
import type { ApiResponse } from '../api/transport.ts';
import type { RequestScope, ServerContext } from '../apiserver/context.ts';
import { NetError, type Network, type Peer } from '../host/net.ts';
import type { Readable, Writable } from '../host/streams.ts';
import type { Interrupt } from '../host/interrupt.ts';
import { KUBELET_PROTOCOL, type KubeletApi } from './kubelet/server.ts';

/** LogFollow is attached to a pods/log response with follow=true: new output as it is written. */
export interface LogFollow {
  follow(onChunk: (text: string) => void): () => void;
}

/**
 * ExecSession is the body of a pods/exec answer (status 101, the upgraded
 * stream): run connects the caller's streams and resolves with the exit code.
 */
export interface ExecSession {
  kind: 'ExecSession';
  run(io: { stdin?: Readable; stdout: Writable; stderr: Writable; signal?: Interrupt }): Promise<number>;
}

type Connectors = ServerContext['connectors'];

interface ContainerSpec {
  name: string;
}

function all(q: string | string[] | undefined): string[] {
  return q === undefined ? [] : Array.isArray(q) ? q : [q];
}

function one(s: RequestScope, name: string): string | undefined {
  return all(s.req.query?.[name])[0];
}

function podOf(ctx: ServerContext, s: RequestScope): KObject {
  const pod = ctx.storage.store(s.def).get(s.info.namespace || undefined, s.info.name);
  if (!pod) throw notFound({ group: '', resource: 'pods' }, s.info.name);
  return pod;
}

/** pickContainer applies the apiserver's rules for the container parameter of log and exec. */
function pickContainer(pod: KObject, requested: string | undefined): string {
  const spec = (pod.spec ?? {}) as { containers?: ContainerSpec[]; initContainers?: ContainerSpec[]; ephemeralContainers?: ContainerSpec[] };
  const names = (spec.containers ?? []).map((c) => c.name);
  const inits = (spec.initContainers ?? []).map((c) => c.name);
  const name = pod.metadata.name!;
  if (!requested) {
    if (names.length === 1) return names[0]!;
    let msg = `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`;
    if (inits.length > 0) msg += ` or one of the init containers: [${inits.join(' ')}]`;
    throw badRequest(msg);
  }
  if (![...names, ...inits, ...(spec.ephemeralContainers ?? []).map((c) => c.name)].includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${name}`);
  return requested;
}

function nodeAddress(ctx: ServerContext, pod: KObject): string {
  const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  if (!nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  const def = ctx.registry.lookup('', 'v1', 'nodes');
  const node = def ? ctx.storage.store(def).get(undefined, nodeName) : undefined;
  const addrs = ((node?.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? []);
  const ip = addrs.find((a) => a.type === 'InternalIP')?.address;
  if (!ip) throw badRequest(`node ${nodeName} has no InternalIP address`);
  return ip;
}

function waitingReason(pod: KObject, container: string): string | undefined {
  type Status = { name: string; state?: { waiting?: { reason?: string } }; lastState?: { terminated?: { containerID?: string } } };
  const st = (pod.status ?? {}) as { containerStatuses?: Status[]; initContainerStatuses?: Status[]; ephemeralContainerStatuses?: Status[] };
  const cs = [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])].find((c) => c.name === container);
  const reason = cs?.state?.waiting?.reason;
  if (!reason) return cs ? undefined : 'ContainerCreating';
  // A container waiting to be restarted (CrashLoopBackOff) has run before: its last instance's log is served.
  if (cs?.lastState?.terminated?.containerID) return undefined;
  // The kubelet's words for the common pending failures (validateContainerLogStatus).
  if (reason === 'ErrImagePull') return "image can't be pulled";
  if (reason === 'ImagePullBackOff') return 'trying and failing to pull image';
  return reason;
}

/**
 * installNodeConnectors makes the apiserver's pods/log and pods/exec reach
 * the kubelet of the pod's node over the lab network (its :10250), the way
 * the real apiserver proxies these subresources. from is where the apiserver
 * dials from (its host).
 */
export function installNodeConnectors(connectors: Connectors, o: { net: Network; from: Peer }): void {
  const dialKubelet = (ip: string, path: string): KubeletApi => {
    try {
      const l = o.net.dial(o.from, ip, 10250);
      if (l.protocol !== KUBELET_PROTOCOL) throw new NetError('ECONNREFUSED', ip, 10250);
      return l.handler as KubeletApi;
    } catch (e) {
      const why = e instanceof NetError && e.code !== 'ECONNREFUSED' ? 'i/o timeout' : 'connect: connection refused';
      throw new StatusError({ reason: 'InternalError', code: 500, message: `Get "https://${ip}:10250${path}": dial tcp ${ip}:10250: ${why}` });
    }
  };

  connectors['pods/log'] = (ctx, s): ApiResponse => {
    if (s.info.verb !== 'get') throw badRequest('the server does not allow this method on the requested resource');
    const pod = podOf(ctx, s);
    const container = pickContainer(pod, one(s, 'container'));
    const previous = one(s, 'previous') === 'true';
    if (!previous) {
      const w = waitingReason(pod, container);
      if (w) throw badRequest(`container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${w}`);
    }
    const ip = nodeAddress(ctx, pod);
    const ns = pod.metadata.namespace ?? 'default';
    const tail = one(s, 'tailLines');
    const since = one(s, 'sinceSeconds');
    const sinceTime = one(s, 'sinceTime');
    const limit = one(s, 'limitBytes');
    const api = dialKubelet(ip, `/containerLogs/${ns}/${pod.metadata.name}/${container}`);
    const r = api.containerLogs(ns, pod.metadata.name!, container, {
      previous,
      timestamps: one(s, 'timestamps') === 'true',
      tailLines: tail !== undefined ? Number(tail) : undefined,
      sinceTime: since !== undefined ? ctx.runtime.now - Number(since) * 1000 : sinceTime ? Date.parse(sinceTime) : undefined,
      limitBytes: limit !== undefined ? Number(limit) : undefined,
    });
    if ('error' in r) throw r.status === 404 ? badRequest(r.error) : badRequest(r.error);
    const resp: ApiResponse = { status: 200, body: r.text, contentType: 'text/plain' };
    if (one(s, 'follow') === 'true' && r.follow) return Object.assign(resp, { follow: r.follow } satisfies LogFollow);
    return resp;
  };

  connectors['pods/exec'] = (ctx, s): ApiResponse => {
    const pod = podOf(ctx, s);
    const container = pickContainer(pod, one(s, 'container'));
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const command = all(s.req.query?.['command']);
    if (command.length === 0) throw badRequest('you must specify at least 1 command');
    const ip = nodeAddress(ctx, pod);
    const ns = pod.metadata.namespace ?? 'default';
    const api = dialKubelet(ip, `/exec/${ns}/${pod.metadata.name}/${container}`);
    const session: ExecSession = {
      kind: 'ExecSession',
      run: async (io) => {
        const r = api.exec(ns, pod.metadata.name!, container, command, io);
        if ('error' in r) {
          io.stderr.write(`error: ${r.error}\n`);
          return 1;
        }
        return r;
      },
    };
    return { status: 101, body: session };
  };

  // pods/attach joins the container's own process: its output from now on and, with stdin, its input.
  connectors['pods/attach'] = (ctx, s): ApiResponse => {
    const pod = podOf(ctx, s);
    const container = pickContainer(pod, one(s, 'container'));
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw badRequest(`cannot attach to a container in a completed pod; current phase is ${phase}`);
    const ip = nodeAddress(ctx, pod);
    const ns = pod.metadata.namespace ?? 'default';
    const api = dialKubelet(ip, `/attach/${ns}/${pod.metadata.name}/${container}`);
    // The kubelet refuses before the upgrade when the container does not run (any more).
    if (!api.running(ns, pod.metadata.name!, container)) throw badRequest(`unable to upgrade connection: container not found ("${container}")`);
    const session: ExecSession = {
      kind: 'ExecSession',
      run: async (io) => {
        const r = api.attach(ns, pod.metadata.name!, container, { ...(io.stdin ? { stdin: io.stdin } : {}), stdout: io.stdout, ...(io.signal ? { signal: io.signal as never } : {}) });
        if ('error' in r) {
          io.stderr.write(`error: ${r.error}\n`);
          return 1;
        }
        return (await r) ?? 0;
      },
    };
    return { status: 101, body: session };
  };
}
