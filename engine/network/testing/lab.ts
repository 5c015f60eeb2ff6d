import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';
import { Runtime } from '../../base/runtime.ts';
import { DEFAULT_EPOCH } from '../../base/clock.ts';
import { Registry } from '../../api/registry.ts';
import { BUILTIN_RESOURCES, GATEWAY_API_RESOURCES } from '../../api/resources/index.ts';
import { MvccStore } from '../../store/mvcc.ts';
import { AdmissionChain } from '../../apiserver/admission/chain.ts';
import { privilegedGroupAuthorizer } from '../../apiserver/authz/privileged.ts';
import { ApiServer } from '../../apiserver/server.ts';
import { testTokenAuthenticator } from '../../apiserver/testing/harness.ts';
import { serviceAllocationHooks } from '../service-alloc.ts';
import { SimNetwork } from '../../cluster/network.ts';
import { ApiClient } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { Host } from '../../host/host.ts';
import type { HttpRequest, HttpResponse, Listener, Network, Peer } from '../../host/net.ts';
import type { InterruptSignal, Process, Program, SystemServices } from '../../host/process.ts';
import { Collector, EMPTY_INPUT } from '../../host/streams.ts';

const noInterrupt: InterruptSignal = { interrupted: false, onInterrupt: () => () => {} };

/** TestPod is a pod the harness created, bound on the network. */
export interface TestPod {
  namespace: string;
  name: string;
  ip: string;
  node: string;
  peer: Peer;
  host: Host;
}

const NODES = [
  { name: 'controlplane', ip: '192.168.1.10', cidr: '10.244.0.0/24' },
  { name: 'node01', ip: '192.168.1.11', cidr: '10.244.1.0/24' },
];

/**
 * netLab is a network test bench: a real apiserver, the SimNetwork, two
 * machines (controlplane, node01) and helpers that stand in for the kubelet
 * and the endpoint-slice controller, so routing, DNS and policy can be tested
 * on their own. Test-only.
 */
export function netLab(seed = 3) {
  const runtime = new Runtime({ start: DEFAULT_EPOCH, seed });
  const server = new ApiServer({
    runtime,
    kv: new MvccStore(),
    registry: new Registry([...BUILTIN_RESOURCES, ...GATEWAY_API_RESOURCES]),
    authenticators: [testTokenAuthenticator],
    authorizers: () => [privilegedGroupAuthorizer],
    admission: new AdmissionChain([]),
    hooks: serviceAllocationHooks(),
    serviceCidr: '10.96.0.0/12',
    nodePortRange: [30000, 32767],
    advertiseAddress: '192.168.1.10:6443',
    version: { major: '1', minor: '34', gitVersion: 'v1.34.1', gitCommit: '0000000000000000000000000000000000000000', gitTreeState: 'clean', buildDate: '2025-09-09T00:00:00Z', goVersion: 'go1.24.6', compiler: 'gc', platform: 'linux/amd64' },
    anonymousAuth: true,
  });
  const admin = new ApiClient(() => server, { token: 'admin' });
  for (const ns of ['default', 'kube-system', 'dev', 'prod']) admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } } });
  const net = new SimNetwork();
  const hosts = new Map<string, Host>();
  for (const n of NODES) {
    net.addAddress(n.name, n.ip);
    net.addName(n.name, n.ip);
    const host = new Host({ name: n.name, ip: n.ip, clock: runtime.clock });
    for (const d of ['/root', '/tmp', '/etc']) host.fs.mkdir(d, { recursive: true });
    host.fs.writeFile('/etc/os-release', 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nVERSION_CODENAME=jammy\n');
    host.fs.writeFile('/etc/resolv.conf', 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n');
    host.fs.writeFile('/etc/hosts', `127.0.0.1 localhost\n${n.ip} ${n.name}\n`);
    hosts.set(n.name, host);
    const node = admin.create(R.nodes, undefined, {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name } },
      spec: { podCIDR: n.cidr, podCIDRs: [n.cidr] },
    });
    admin.updateStatus(R.nodes, { ...node, status: { addresses: [{ type: 'InternalIP', address: n.ip }, { type: 'Hostname', address: n.name }], conditions: [{ type: 'Ready', status: 'True' }] } });
  }
  const podIndex = new Map<string, number>();

  /** addPod creates a Running pod on node with the next IP of the node's pod range and an HTTP server on each port. */
  function addPod(o: { namespace?: string; name: string; labels?: Record<string, string>; node?: string; ports?: { name?: string; containerPort: number }[]; hostname?: string; subdomain?: string; reply?: (req: HttpRequest) => HttpResponse; busybox?: boolean }): TestPod {
    const namespace = o.namespace ?? 'default';
    const nodeName = o.node ?? 'node01';
    const n = NODES.find((x) => x.name === nodeName)!;
    const i = (podIndex.get(nodeName) ?? 4) + 1;
    podIndex.set(nodeName, i);
    const ip = n.cidr.replace(/0\/24$/, String(i));
    const ports = o.ports ?? [{ containerPort: 80 }];
    const created = admin.create(R.pods, namespace, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: o.name, namespace, labels: o.labels ?? {} },
      spec: { nodeName, hostname: o.hostname, subdomain: o.subdomain, containers: [{ name: 'c', image: 'nginx', ports: ports.map((p) => ({ ...p, protocol: 'TCP' })) }] },
    }) as Pod;
    admin.updateStatus(R.pods, { ...(created as KObject), status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], hostIP: n.ip, conditions: [{ type: 'Ready', status: 'True' }] } } as KObject);
    const netns = `pod:${namespace}/${o.name}`;
    net.addAddress(netns, ip);
    const reply = o.reply ?? ((req: HttpRequest) => ({ status: 200, headers: { server: 'nginx/1.27.3', 'content-type': 'text/html' }, body: `hello from ${o.name} ${req.path}\n` }));
    for (const p of ports) net.listen(netns, '0.0.0.0', p.containerPort, { protocol: 'http', handler: { handle: reply } });
    const host = new Host({ name: o.name, ip, clock: runtime.clock });
    host.fs.mkdir('/etc', { recursive: true });
    host.fs.mkdir('/tmp', { recursive: true });
    host.fs.mkdir('/root', { recursive: true });
    if (!o.busybox) host.fs.writeFile('/etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
    host.fs.writeFile('/etc/resolv.conf', `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`);
    host.fs.writeFile('/etc/hosts', `127.0.0.1\tlocalhost\n${ip}\t${o.name}\n`);
    const peer: Peer = { host: netns, ip, pod: { namespace, name: o.name, labels: o.labels ?? {} } };
    return { namespace, name: o.name, ip, node: nodeName, peer, host };
  }

  /** syncSlices writes one EndpointSlice per selector Service from the Running pods it selects, as the controller would. */
  function syncSlices(): void {
    for (const svc of admin.list(R.services).items as Service[]) {
      const sel = svc.spec?.selector;
      if (!sel) continue;
      const ns = svc.metadata!.namespace!;
      const pods = (admin.list(R.pods, ns).items as Pod[]).filter((p) => Object.entries(sel).every(([k, v]) => p.metadata?.labels?.[k] === v) && p.status?.podIP);
      const ports = (svc.spec?.ports ?? []).map((sp) => {
        const t = sp.targetPort ?? sp.port;
        const num = typeof t === 'number' ? t : (pods[0]?.spec?.containers.flatMap((c) => c.ports ?? []).find((cp) => cp.name === t)?.containerPort ?? 0);
        return { name: sp.name ?? '', port: num, protocol: sp.protocol ?? 'TCP' };
      });
      const slice = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: `${svc.metadata!.name}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': svc.metadata!.name! } },
        addressType: 'IPv4',
        endpoints: pods.map((p) => ({ addresses: [p.status!.podIP!], conditions: { ready: true }, nodeName: p.spec?.nodeName, hostname: p.spec?.hostname, targetRef: { kind: 'Pod', namespace: ns, name: p.metadata!.name } })),
        ports,
      };
      try {
        const cur = admin.get(R.endpointslices, ns, slice.metadata.name);
        admin.update(R.endpointslices, { ...cur, ...slice, metadata: { ...cur.metadata, ...slice.metadata } } as KObject);
      } catch {
        admin.create(R.endpointslices, ns, slice);
      }
    }
    runtime.settle();
  }

  /** podNet is the network as a pod sees it. */
  function podNet(pod: TestPod): Network {
    return {
      resolve: (name) => net.resolve(name, pod.peer),
      dial: (_f, a, p): Listener => net.dial(pod.peer, a, p),
      listen: (_h, a, p, l) => net.listen(pod.peer.host, a === pod.ip ? '0.0.0.0' : a, p, l),
    };
  }

  /** run runs a program on a machine (by name) or in a pod, advancing simulated time until it ends. */
  async function run(program: Program, argv: string[], where: string | TestPod = 'controlplane') {
    const stdout = new Collector();
    const stderr = new Collector();
    const inPod = typeof where !== 'string';
    const host = inPod ? where.host : hosts.get(where)!;
    const sys: SystemServices = {
      runtime,
      sleep: (ms) => new Promise((resolve) => runtime.after(ms, () => resolve(true))),
      net: inPod ? podNet(where) : net,
      hostIp: inPod ? where.ip : host.ip,
      machines: () => (inPod ? [] : NODES.map((x) => x.name)),
      session: { login: () => {}, logout: () => {} },
      editor: { edit: async () => ({ saved: false }) },
      terminal: { columns: 80, rows: 24, interactive: false },
    };
    const p: Process = {
      argv,
      env: { HOME: '/root', PATH: '/usr/bin:/bin' },
      cwd: '/root',
      hostname: inPod ? where.name : where,
      user: { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh', groups: [0] },
      fs: host.fs,
      stdin: EMPTY_INPUT,
      stdout,
      stderr,
      signal: noInterrupt,
      sys,
    };
    let done = false;
    const started = runtime.now;
    const promise = program(p).then((c) => {
      done = true;
      return c;
    });
    for (let i = 0; i < 400 && !done; i++) {
      await new Promise((r) => queueMicrotask(() => r(undefined)));
      if (!done) runtime.advance(1000);
    }
    const code = await promise;
    return { stdout: stdout.text, stderr: stderr.text, code, elapsedMs: runtime.now - started };
  }

  return { runtime, server, admin, net, hosts, addPod, syncSlices, run, nodes: NODES };
}

/** NetLab is the bench netLab builds. */
export type NetLab = ReturnType<typeof netLab>;
