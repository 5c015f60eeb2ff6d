import type { KObject } from '../../../../api/types.ts';

/**
 * The port arguments of port-forward as kubectl rewrites them before it
 * forwards (cmd/portforward): a Service's port becomes the targetPort of the
 * pod it picked, a port name becomes the number it names. Errors carry
 * kubectl's texts.
 */

interface ContainerPort {
  name?: string;
  containerPort: number;
}
interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
}

/** splitPort is "local:remote", or one port for both. */
function splitPort(spec: string): [string, string] {
  const parts = spec.split(':');
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [parts[0]!, parts[0]!];
}

const isInt = (s: string) => /^[+-]?\d+$/.test(s);

function containerPortByName(pod: KObject, name: string): number {
  const containers = ((pod.spec as { containers?: { ports?: ContainerPort[] }[] } | undefined)?.containers ?? []);
  for (const c of containers) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  throw new Error(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

function servicePorts(svc: KObject): ServicePort[] {
  return (svc.spec as { ports?: ServicePort[] } | undefined)?.ports ?? [];
}

/** containerPortForServicePort is LookupContainerPortNumberByServicePort. */
function containerPortForServicePort(svc: KObject, pod: KObject, port: number): number {
  for (const sp of servicePorts(svc)) {
    if (sp.port !== port) continue;
    if ((svc.spec as { clusterIP?: string } | undefined)?.clusterIP === 'None') return port;
    const t = sp.targetPort;
    if (t === undefined || t === 0 || t === '0') return sp.port;
    if (typeof t === 'number' || isInt(t)) return Number(t);
    return containerPortByName(pod, t);
  }
  throw new Error(`Service ${svc.metadata.name} does not have a service port ${port}`);
}

/** translateServicePorts is translateServicePortToTargetPort: each remote port becomes the pod's port behind it. */
export function translateServicePorts(specs: string[], svc: KObject, pod: KObject): string[] {
  return specs.map((spec) => {
    let [local, remote] = splitPort(spec);
    let num: number;
    if (isInt(remote)) num = Number(remote);
    else {
      const named = servicePorts(svc).find((p) => p.name === remote);
      if (!named) throw new Error(`Service '${svc.metadata.name}' does not have a named port '${remote}'`);
      num = named.port;
      if (local === remote) local = String(num);
    }
    remote = String(containerPortForServicePort(svc, pod, num));
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

/** podNamedPorts is convertPodNamedPortToNumber: a remote port name becomes the container port it names. */
export function podNamedPorts(specs: string[], pod: KObject): string[] {
  return specs.map((spec) => {
    const [local, remote] = splitPort(spec);
    const number = isInt(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${number}` : number;
  });
}
