import type { KObject } from '../../../../api/types.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import { parseResourceArgs } from '../../resource/args.ts';
import { readManifests } from '../../resource/manifests.ts';
import { WrappedError, checkOutput, dryRun, maybeSaveConfig, printResult, validationMode } from '../create/common.ts';
import { RECORD_FLAG, recordChangeCause } from '../../cli/record.ts';
import { commandFromHelp } from '../create/help.ts';
import { make } from '../create/meta.ts';
import { intOrString } from '../create/simple.ts';
import { mergePatch } from '../run/run.ts';
import { parseLabels } from '../run/pod.ts';

type Obj = Record<string, unknown>;

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

function podSpecOf(o: KObject): Obj | undefined {
  if (o.kind === 'Pod') return o.spec as Obj;
  return ((o.spec as Obj | undefined)?.template as Obj | undefined)?.spec as Obj | undefined;
}

/** portsOf is polymorphichelpers' PortsForObject and ProtocolsForObject. */
function portsOf(o: KObject): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: number, proto: string) => {
    const k = String(port);
    if (!ports.includes(k)) ports.push(k);
    const list = protocols.get(k) ?? [];
    if (!list.includes(proto)) list.push(proto);
    protocols.set(k, list);
  };
  if (o.kind === 'Service') {
    for (const p of ((o.spec as Obj)?.ports as Obj[] | undefined) ?? []) add(p.port as number, (p.protocol as string) ?? 'TCP');
  } else {
    for (const ct of ((podSpecOf(o)?.containers as Obj[] | undefined) ?? [])) for (const p of (ct.ports as Obj[] | undefined) ?? []) add(p.containerPort as number, (p.protocol as string) ?? 'TCP');
  }
  return { ports, protocols };
}

/** selectorOf is MapBasedSelectorForObject. */
function selectorOf(o: KObject): Record<string, string> {
  const spec = (o.spec ?? {}) as Obj;
  switch (o.kind) {
    case 'Pod':
      if (!o.metadata.labels || !Object.keys(o.metadata.labels).length) throw new WrappedError(`couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed`);
      return o.metadata.labels;
    case 'Service':
      if (!spec.selector) throw new WrappedError(`couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set`);
      return spec.selector as Record<string, string>;
    case 'ReplicationController':
      return (spec.selector ?? {}) as Record<string, string>;
    default: {
      const sel = (spec.selector ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
      if (sel.matchExpressions?.length) throw new WrappedError(`couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      return sel.matchLabels ?? {};
    }
  }
}

function sortMap(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function buildService(c: RunContext, o: KObject): KObject {
  const selector = c.flag<string>('selector') ? parseLabels(c.flag<string>('selector')) : sortMap(selectorOf(o));
  const labels = c.flag<string>('labels') ? parseLabels(c.flag<string>('labels')) : o.metadata.labels ? sortMap(o.metadata.labels) : undefined;
  const headless = c.flag<string>('cluster-ip') === 'None';
  let portList: string[] = [];
  const found = portsOf(o);
  if (c.flag<string>('port')) portList = [c.flag<string>('port')];
  else {
    if (found.ports.length === 0 && !headless) throw new WrappedError("couldn't find port via --port flag or introspection");
    portList = found.ports;
  }
  const flagProto = c.flag<string>('protocol');
  const ports: Obj[] = [];
  portList.forEach((ps, i) => {
    if (!/^[+-]?\d+$/.test(ps)) throw new WrappedError(`strconv.Atoi: parsing ${JSON.stringify(ps)}: invalid syntax`);
    const port = Number(ps);
    const name = portList.length > 1 ? `port-${i + 1}` : '';
    let protocol = flagProto;
    if (!protocol) {
      protocol = 'TCP';
      const list = found.protocols.get(ps);
      if (list && list.length > 1) {
        for (const p of list) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port });
        return;
      }
      if (list?.length === 1) protocol = list[0]!;
    }
    const sp: Obj = {};
    if (name) sp.name = name;
    sp.protocol = protocol;
    sp.port = port;
    ports.push(sp);
  });
  const tp = c.flag<string>('target-port');
  for (const p of ports) p.targetPort = tp ? intOrString(tp) : p.port;
  const spec: Obj = {};
  if (ports.length) spec.ports = ports;
  spec.selector = selector;
  const cip = c.flag<string>('cluster-ip');
  if (cip) spec.clusterIP = cip;
  const type = c.flag<string>('type');
  if (type) spec.type = type;
  if (c.flag<string>('external-ip')) spec.externalIPs = [c.flag<string>('external-ip')];
  const aff = c.flag<string>('session-affinity');
  if (aff) {
    if (aff !== 'None' && aff !== 'ClientIP') throw new WrappedError(`unknown session affinity: ${aff}`);
    spec.sessionAffinity = aff;
  }
  if (type === 'LoadBalancer' && c.flag<string>('load-balancer-ip')) spec.loadBalancerIP = c.flag<string>('load-balancer-ip');
  const name = c.flag<string>('name') || (o.metadata.name ?? '').slice(0, 63);
  const meta: Obj = { name };
  if (labels && Object.keys(labels).length) meta.labels = labels;
  let svc = make('v1', 'Service', { metadata: meta, spec, status: { loadBalancer: {} } });
  const overrides = c.flag<string>('overrides');
  if (overrides) svc = mergePatch(svc, JSON.parse(overrides)) as KObject;
  return svc;
}

async function run(c: RunContext): Promise<number> {
  const files = c.flag<string[]>('filename');
  if (c.args.length === 0 && files.length === 0) throw new UsageError('You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'', 'none');
  const d = dryRun(c);
  checkOutput(c);
  const client = c.f.client();
  const disc = c.f.discovery();
  const ns = c.f.namespace();
  const targets: KObject[] = [];
  if (files.length) {
    for (const m of await readManifests(c.f, files, c.flag<boolean>('recursive'))) {
      const res = disc.byKind(m.obj.apiVersion ?? '', m.obj.kind ?? '');
      targets.push(res ? client.get(res, res.namespaced ? (m.obj.metadata.namespace ?? ns) : undefined, m.obj.metadata.name ?? '') : m.obj);
    }
  } else {
    for (const sel of parseResourceArgs(c.args, disc)) {
      if (sel.names.length === 0) throw new UsageError(`resource(s) were provided, but no name was specified`, 'none');
      for (const n of sel.names) {
        const got = client.get(sel.res, sel.res.namespaced ? ns : undefined, n);
        targets.push({ ...got, kind: sel.res.kind, apiVersion: sel.res.group ? `${sel.res.group}/${sel.res.version}` : sel.res.version });
      }
    }
  }
  for (const o of targets) {
    if (!EXPOSABLE.has(o.kind ?? '')) {
      const g = (o.apiVersion ?? '').includes('/') ? `.${(o.apiVersion ?? '').split('/')[0]}` : '';
      throw new WrappedError(`cannot expose a ${o.kind}${g}`);
    }
    const svc = recordChangeCause(c, buildService(c, o));
    if (d === 'client') {
      if (c.f.namespaceExplicit()) svc.metadata.namespace = ns;
      printResult(c, svc, 'exposed', d, { fromServer: false });
      continue;
    }
    const made = client.create(disc.resolve('services'), ns, maybeSaveConfig(c, svc), { dryRun: d === 'server', fieldManager: c.flag<string>('field-manager'), fieldValidation: validationMode(c) });
    printResult(c, made, 'exposed', d, { fromServer: true });
  }
  return 0;
}

/** exposeCommand is `kubectl expose`. */
export const exposeCommand = commandFromHelp('expose', { run, hiddenFlags: [RECORD_FLAG], group: 'Basic Commands (Beginner)', short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service' });
