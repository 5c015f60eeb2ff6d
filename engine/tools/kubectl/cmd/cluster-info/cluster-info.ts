import type { CommandDef, RunContext } from '../../cli/command.ts';
import { printJson } from '../../printers/objects.ts';
import { CLUSTER_INFO_DUMP_HELP, CLUSTER_INFO_HELP } from './help.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- services are read loosely */
type Any = any;

const SERVICES = { group: '', version: 'v1', plural: 'services', namespaced: true };

/** serviceLink is where cluster-info says a cluster service runs: its load balancer, or the apiserver's service proxy. */
function serviceLink(server: string, svc: Any): string {
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) {
    const ip = ingress[0].ip || ingress[0].hostname;
    return (svc.spec?.ports ?? []).map((p: Any) => `http://${ip}:${p.port} `).join('');
  }
  let name = svc.metadata.name;
  const port = svc.spec?.ports?.[0];
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    name = [scheme, name, port.name ?? ''].filter((x, i) => i === 1 || x).join(':');
  }
  return `${server}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
}

async function run(c: RunContext): Promise<number> {
  const server = c.f.config().server.replace(/\/$/, '');
  const client = c.f.client();
  const ns = c.changed('namespace') ? c.f.namespace() : 'kube-system';
  const services = client.list(SERVICES, ns, { labelSelector: 'kubernetes.io/cluster-service=true' }).items as Any[];
  c.out(`Kubernetes control plane is running at ${server}\n`);
  for (const s of services) c.out(`${s.metadata.labels?.['kubernetes.io/name'] || s.metadata.name} is running at ${serviceLink(server, s)}\n`);
  c.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  return 0;
}

const DUMP_KINDS = [
  { group: '', version: 'v1', plural: 'events', namespaced: true, kind: 'EventList' },
  { group: '', version: 'v1', plural: 'replicationcontrollers', namespaced: true, kind: 'ReplicationControllerList' },
  { group: '', version: 'v1', plural: 'services', namespaced: true, kind: 'ServiceList' },
  { group: 'apps', version: 'v1', plural: 'daemonsets', namespaced: true, kind: 'DaemonSetList' },
  { group: 'apps', version: 'v1', plural: 'deployments', namespaced: true, kind: 'DeploymentList' },
  { group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true, kind: 'ReplicaSetList' },
  { group: '', version: 'v1', plural: 'pods', namespaced: true, kind: 'PodList' },
];

/** runDump is a minimal `cluster-info dump`: nodes, then each namespace's workloads, services, pods and events as JSON lists. */
async function runDump(c: RunContext): Promise<number> {
  const client = c.f.client();
  const list = (ref: Any, ns: string | undefined, kind: string) => {
    const l = client.list(ref, ns);
    const apiVersion = ref.group ? `${ref.group}/${ref.version}` : ref.version;
    return { kind, apiVersion, metadata: l.metadata, items: l.items.map((o) => ({ ...o, apiVersion, kind: kind.replace(/List$/, '') })) };
  };
  c.out(printJson(list({ group: '', version: 'v1', plural: 'nodes', namespaced: false }, undefined, 'NodeList'), true));
  let namespaces = c.flag<string[]>('namespaces') ?? [];
  if (c.flag<boolean>('all-namespaces')) namespaces = client.list({ group: '', version: 'v1', plural: 'namespaces', namespaced: false }).items.map((n) => n.metadata.name ?? '');
  else if (namespaces.length === 0) namespaces = ['kube-system', c.f.namespace()];
  for (const ns of namespaces) for (const k of DUMP_KINDS) c.out(printJson(list(k, ns, k.kind), true));
  return 0;
}

/** clusterInfoCommand is `kubectl cluster-info` (and `cluster-info dump`). */
export const clusterInfoCommand: CommandDef = {
  ...CLUSTER_INFO_HELP,
  name: 'cluster-info',
  group: 'Cluster Management Commands',
  run,
  subcommands: [{ ...CLUSTER_INFO_DUMP_HELP, name: 'dump', run: runDump }],
};
