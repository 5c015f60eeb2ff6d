import type { KObject } from '../../../../api/types.ts';
import { clone } from '../../../../base/deep.ts';
import type { CommandDef, RunContext } from '../../cli/command.ts';
import { commandFromHelp } from '../create/help.ts';
import { WrappedError } from '../create/common.ts';
import { attachToPod } from '../run/attach.ts';
import { applyProfile } from './profiles.ts';
import { debugContainer, LEGACY_NOTICE, options, type Options } from './options.ts';
import { addEphemeralContainer, waitForEphemeral } from './ephemeral.ts';

/** nodeDebugPod is generateNodeDebugPod: a pod pinned to the node, in its namespaces, tolerating everything. */
function nodeDebugPod(c: RunContext, o: Options, node: string): KObject {
  const name = `node-debugger-${node}-${c.proc.sys.runtime.rand.nameSuffix()}`;
  const container = o.container || 'debugger';
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    // kubectl 1.34 marks the pods it makes for node debugging
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'kubectl-debug' } },
    spec: {
      containers: [debugContainer(o, container)],
      nodeName: node,
      restartPolicy: 'Never',
      tolerations: [{ operator: 'Exists' }],
    },
  };
  applyProfile(o.profile, 'node', pod, container);
  return pod;
}

interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  [k: string]: unknown;
}

/** podCopy is generatePodCopyWithDebugContainer: the pod under another name, changed as the flags say. */
function podCopy(c: RunContext, o: Options, pod: KObject): { copy: KObject; container: string } {
  const spec = clone(pod.spec ?? {}) as { containers: ContainerSpec[]; nodeName?: string; initContainers?: unknown[]; ephemeralContainers?: unknown };
  if (!c.flag<boolean>('same-node')) delete spec.nodeName;
  delete spec.ephemeralContainers;
  if (!c.flag<boolean>('keep-init-containers')) delete spec.initContainers;
  for (const ctr of spec.containers) {
    if (!c.flag<boolean>('keep-liveness')) delete ctr.livenessProbe;
    if (!c.flag<boolean>('keep-readiness')) delete ctr.readinessProbe;
    if (!c.flag<boolean>('keep-startup')) delete ctr.startupProbe;
  }
  const copy: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: o.copyTo, namespace: pod.metadata.namespace }, spec: spec as unknown as KObject['spec'] };
  if (c.flag<boolean>('keep-labels') && pod.metadata.labels) copy.metadata.labels = { ...pod.metadata.labels };
  if (c.flag<boolean>('keep-annotations') && pod.metadata.annotations) copy.metadata.annotations = { ...pod.metadata.annotations };
  // --set-image: name=image, or *=image for every container
  for (const pair of c.flag<string[]>('set-image')) {
    const i = pair.indexOf('=');
    const [who, image] = [pair.slice(0, i), pair.slice(i + 1)];
    for (const ctr of spec.containers) if (who === '*' || ctr.name === who) ctr.image = image;
  }
  if (c.flag<boolean>('share-processes')) (spec as { shareProcessNamespace?: boolean }).shareProcessNamespace = true;
  let name = o.container;
  const existing = name ? spec.containers.find((x) => x.name === name) : undefined;
  if (existing) {
    // An existing container is changed in place: its image, command and environment.
    if (o.image) existing.image = o.image;
    if (o.command.length) {
      if (o.argsOnly) existing.args = o.command;
      else {
        existing.command = o.command;
        delete existing.args;
      }
    }
    if (o.interactive) existing.stdin = true;
    if (o.tty) existing.tty = true;
  } else if (o.image) {
    if (!name) {
      name = `debugger-${c.proc.sys.runtime.rand.nameSuffix()}`;
      if (!o.quiet) c.out(`Defaulting debug container name to ${name}.\n`);
    }
    spec.containers.push(debugContainer(o, name) as ContainerSpec);
  }
  name ||= spec.containers[0]!.name;
  applyProfile(o.profile, 'podCopy', copy, name);
  return { copy, container: name };
}

async function run(c: RunContext): Promise<number> {
  const o = options(c);
  if (o.profile === 'legacy' && !o.quiet) c.err(LEGACY_NOTICE);
  const target = c.flag<string>('target');
  if (target && !o.quiet) c.out(`Targeting container "${target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
  const d = c.f.discovery();
  const client = c.f.client();
  const pods = d.resolve('pods');
  const ns = c.f.namespace();
  const names = c.dashIndex < 0 ? c.args : c.args.slice(0, c.dashIndex);
  let code = 0;
  for (const arg of names) {
    const slash = arg.indexOf('/');
    const res = slash < 0 ? pods : d.resolve(arg.slice(0, slash));
    const name = slash < 0 ? arg : arg.slice(slash + 1);
    let made: KObject;
    let container: string;
    if (res.kind === 'Node' && res.group === '') {
      client.get(res, undefined, name);
      const pod = nodeDebugPod(c, o, name);
      container = o.container || 'debugger';
      made = client.create(pods, ns, pod);
      if (!o.quiet) c.out(`Creating debugging pod ${made.metadata.name} with container ${container} on node ${name}.\n`);
    } else if (res.kind === 'Pod' && res.group === '') {
      const pod = client.get(pods, ns, name);
      if (!o.copyTo) {
        const added = addEphemeralContainer(c, pods, pod, { ...o, target });
        if (!o.attach) continue;
        const running = await waitForEphemeral(c, added.pod, added.container);
        if (running) await attachToPod(c, running, { container: added.container, reportFailure: false, keepRunning: true });
        if (!o.quiet) c.err(`Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${name} -c ${added.container} -i -t' if it is still running\n`);
        continue;
      }
      const copied = podCopy(c, o, pod);
      container = copied.container;
      if (c.flag<boolean>('replace')) client.delete(pods, ns, name, {});
      made = client.create(pods, ns, copied.copy);
    } else {
      throw new WrappedError(`"${res.group ? `${res.group}/${res.version}` : `/${res.version}`}, Kind=${res.kind}" not supported by debug`);
    }
    if (o.attach) code = await attachToPod(c, made, { container, reportFailure: false });
  }
  return code;
}

/** debugCommand is `kubectl debug`: a pod on a node's host namespaces, or a changed copy of a pod, optionally attached. */
export const debugCommand: CommandDef = commandFromHelp('debug', {
  group: 'Troubleshooting and Debugging Commands',
  short: 'Create debugging sessions for troubleshooting workloads and nodes',
  tweaks: { env: { type: 'stringArray' }, 'set-image': { type: 'stringArray' } },
  run,
});
