import type { CrictlContext } from './program.ts';
import { findContainer, opts, sandboxOf } from './args.ts';
import { goMapJson, rfc3339Nano, ZERO_TIME } from './go-json.ts';

/** inspect prints a container's status and info as JSON. */
export function inspect(c: CrictlContext): number {
  const r = findContainer(c, opts(c.args, ['o', 'output']).rest[0]);
  if (typeof r === 'number') return r;
  const sb = sandboxOf(c, r);
  const st: Record<string, unknown> = {
    id: r.id,
    metadata: { attempt: r.config.attempt, name: r.config.name },
    state: r.state,
    createdAt: rfc3339Nano(r.createdAt),
    // a started container that has not finished shows Go's zero time; one never started shows it for both
    startedAt: r.state !== 'CONTAINER_CREATED' ? rfc3339Nano(r.startedAt ?? 0) : ZERO_TIME,
    finishedAt: r.state === 'CONTAINER_EXITED' ? rfc3339Nano(r.finishedAt ?? 0) : ZERO_TIME,
    exitCode: r.exitCode ?? 0,
    image: { annotations: {}, image: r.image.repoTags[0] ?? r.image.id, runtimeHandler: '', userSpecifiedImage: '' },
    imageRef: r.image.repoDigests[0] ?? r.image.id,
    reason: r.reason ?? '',
    message: r.message ?? '',
    labels: r.config.labels,
    annotations: r.config.annotations,
    mounts: r.config.mounts.map((m) => ({ containerPath: m.containerPath, hostPath: m.sourcePath, propagation: 'PROPAGATION_PRIVATE', readonly: !!m.readOnly, selinuxRelabel: false, uidMappings: [], gidMappings: [], recursiveReadOnly: false, imageSubPath: '' })),
    logPath: sb ? `/var/log/pods/${sb.config.namespace}_${sb.config.name}_${sb.config.uid}/${r.config.name}/${r.config.attempt}.log` : '',
    imageId: '',
    stopSignal: 'RUNTIME_DEFAULT',
  };
  const info = { sandboxID: r.sandboxId, pid: r.state === 'CONTAINER_RUNNING' ? (c.cri.hostPid(r.id) ?? 1000 + (parseInt(r.id.slice(0, 4), 16) % 30000)) : 0, removing: false, snapshotKey: r.id, snapshotter: 'overlayfs', runtimeType: 'io.containerd.runc.v2', config: { metadata: st.metadata, image: { image: r.image.id }, command: r.argv.slice(0, 1), args: r.argv.slice(1), envs: Object.entries(r.config.env).map(([key, value]) => ({ key, value })) } };
  c.p.stdout.write(goMapJson({ status: st, info }) + '\n');
  return 0;
}

/** inspectp prints a pod sandbox's status as JSON. */
export function inspectp(c: CrictlContext): number {
  const id = opts(c.args, ['o', 'output']).rest[0];
  const s = id ? c.cri.findSandbox(id) : undefined;
  if (!s) return c.fatal(`getting the pod sandbox status for "${id ?? ''}": rpc error: code = NotFound desc = an error occurred when try to find sandbox: not found`);
  const status = {
    id: s.id,
    metadata: { attempt: s.config.attempt, name: s.config.name, namespace: s.config.namespace, uid: s.config.uid },
    state: s.state,
    createdAt: rfc3339Nano(s.createdAt),
    network: { additionalIps: [], ip: s.config.ip },
    linux: { namespaces: { options: { ipc: 'POD', network: s.config.hostNetwork ? 'NODE' : 'POD', pid: 'CONTAINER', targetId: '', usernsOptions: null } } },
    labels: s.config.labels,
    annotations: s.config.annotations,
    runtimeHandler: '',
  };
  c.p.stdout.write(goMapJson({ status, info: { pid: s.state === 'SANDBOX_READY' ? (c.cri.hostPid(s.id, 'sandbox') ?? 1000) : 0, processStatus: s.state === 'SANDBOX_READY' ? 'running' : 'deleted', netNamespaceClosed: s.state !== 'SANDBOX_READY', image: 'registry.k8s.io/pause:3.10', runtimeHandler: '', runtimeType: 'io.containerd.runc.v2' } }) + '\n');
  return 0;
}

/** inspecti prints an image's status and config as JSON. */
export function inspecti(c: CrictlContext): number {
  const ref = opts(c.args, ['o', 'output']).rest[0] ?? '';
  const i = c.cri.images.find(ref);
  if (!i) return c.fatal(`no such image "${ref}" present`);
  const def = i.def;
  const status = { id: i.id, repoTags: i.repoTags, repoDigests: i.repoDigests, size: String(i.size), uid: null, username: def.user ?? '', spec: null, pinned: i.pinned };
  const info = { imageSpec: { architecture: 'amd64', os: 'linux', config: { Env: Object.entries(def.env).map(([k, v]) => `${k}=${v}`), Entrypoint: def.entrypoint.length ? def.entrypoint : undefined, Cmd: def.cmd.length ? def.cmd : undefined, WorkingDir: def.workingDir, ExposedPorts: def.exposedPorts ? Object.fromEntries(def.exposedPorts.map((p) => [`${p}/tcp`, {}])) : undefined } } };
  c.p.stdout.write(goMapJson({ status, info }) + '\n');
  return 0;
}

/** version prints the runtime's versions. */
export function version(c: CrictlContext): number {
  const v = c.cri.version;
  c.p.stdout.write(`Version:  ${v.version}\nRuntimeName:  ${v.runtimeName}\nRuntimeVersion:  ${v.runtimeVersion}\nRuntimeApiVersion:  ${v.runtimeApiVersion}\n`);
  return 0;
}

/** info prints the runtime's status and config as JSON. */
export function info(c: CrictlContext): number {
  const out = {
    status: {
      conditions: [
        { type: 'RuntimeReady', status: true, reason: '', message: '' },
        { type: 'NetworkReady', status: true, reason: '', message: '' },
        { type: 'ContainerdHasNoDeprecationWarnings', status: true, reason: '', message: '' },
      ],
    },
    cniconfig: { PluginDirs: ['/opt/cni/bin'], PluginConfDir: '/etc/cni/net.d', PluginMaxConfNum: 1, Prefix: 'eth', Networks: [{ Config: { Name: 'cni-loopback', CNIVersion: '0.3.1', Plugins: [{ Network: { type: 'loopback', ipam: {}, dns: {} }, Source: '{"type":"loopback"}' }], Source: '{\n"cniVersion": "0.3.1",\n"name": "cni-loopback",\n"plugins": [{\n  "type": "loopback"\n}]\n}' }, IFName: 'lo' }] },
    config: { containerd: { snapshotter: 'overlayfs', defaultRuntimeName: 'runc' }, enableSelinux: false, sandboxImage: 'registry.k8s.io/pause:3.10', systemdCgroup: true },
    golang: 'go1.23.11',
    lastCNILoadStatus: 'OK',
  };
  c.p.stdout.write(goMapJson(out) + '\n');
  return 0;
}

