import type { KObject } from '../../../../api/types.ts';
import { parseQuantity, ZERO, type Quantity } from '../../../../base/quantity.ts';
import { describeEvents } from './events.ts';
import type { DescribeContext } from './types.ts';
import { PrefixWriter, printAnnotations, printLabels, rfc1123z, since } from './writer.ts';
import { listItemsInChunks } from '../../resource/chunks.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read loosely */
type Any = any;

const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const LEASES = { group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespaced: true };

function roles(labels: Record<string, string> | undefined): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) out.push(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) out.push(v);
  }
  return out.length ? out.sort().join(',') : '<none>';
}

function q(v: unknown): Quantity {
  try {
    return typeof v === 'string' || typeof v === 'number' ? parseQuantity(String(v)) : ZERO;
  } catch {
    return ZERO;
  }
}

/** podTotals is resourcehelper.PodRequestsAndLimits (containers summed; an init container's larger value wins). */
function podTotals(pod: Any, kind: 'requests' | 'limits', res: string): Quantity {
  let sum = ZERO;
  for (const c of pod.spec?.containers ?? []) sum = sum.add(q(c.resources?.[kind]?.[res]));
  for (const c of pod.spec?.initContainers ?? []) {
    const v = q(c.resources?.[kind]?.[res]);
    if (v.cmp(sum) > 0) sum = v;
  }
  return sum;
}

function pct(part: Quantity, whole: Quantity, cpu: boolean): number {
  const w = cpu ? whole.milliValue() : whole.value();
  if (w === 0) return 0;
  return Math.trunc(((cpu ? part.milliValue() : part.value()) / w) * 100);
}

/** describeNode is NodeDescriber. */
export function describeNode(o: KObject, d: DescribeContext): string {
  const node = o as Any;
  const st = node.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Roles:\t${roles(o.metadata.labels)}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  const taints: Any[] = node.spec?.taints ?? [];
  w.write(0, 'Taints:\t');
  if (taints.length === 0) w.line('<none>');
  taints.forEach((t, i) => w.write(0, `${i ? '\t' : ''}${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`));
  w.write(0, `Unschedulable:\t${!!node.spec?.unschedulable}\n`);
  try {
    const lease = d.client.get(LEASES, 'kube-node-lease', o.metadata.name ?? '') as Any;
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  } catch {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${o.metadata.name}" not found\n`);
  }
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  if (st.addresses?.length) {
    w.write(0, 'Addresses:\n');
    for (const a of st.addresses) w.write(1, `${a.type}:\t${a.address}\n`);
  }
  for (const [title, list] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    if (!list || Object.keys(list).length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(1, `${k}:\t${list[k]}\n`);
  }
  const ni = st.nodeInfo;
  if (ni) {
    w.write(0, 'System Info:\n');
    w.write(0, `  Machine ID:\t${ni.machineID ?? ''}\n`);
    w.write(0, `  System UUID:\t${ni.systemUUID ?? ''}\n`);
    w.write(0, `  Boot ID:\t${ni.bootID ?? ''}\n`);
    w.write(0, `  Kernel Version:\t${ni.kernelVersion ?? ''}\n`);
    w.write(0, `  OS Image:\t${ni.osImage ?? ''}\n`);
    w.write(0, `  Operating System:\t${ni.operatingSystem ?? ''}\n`);
    w.write(0, `  Architecture:\t${ni.architecture ?? ''}\n`);
    w.write(0, `  Container Runtime Version:\t${ni.containerRuntimeVersion ?? ''}\n`);
    w.write(0, `  Kubelet Version:\t${ni.kubeletVersion ?? ''}\n`);
    // printed even when empty: kubelets no longer report it, kubectl still shows the line
    w.write(0, `  Kube-Proxy Version:\t${ni.kubeProxyVersion ?? ''}\n`);
  }
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  let pods: Any[] = [];
  try {
    pods = listItemsInChunks(d.client, PODS, undefined, { fieldSelector: `spec.nodeName=${o.metadata.name},status.phase!=Failed,status.phase!=Succeeded` }, d.chunkSize);
  } catch {
    pods = [];
  }
  const alloc = st.allocatable && Object.keys(st.allocatable).length ? st.allocatable : (st.capacity ?? {});
  const cpuAlloc = q(alloc.cpu);
  const memAlloc = q(alloc.memory);
  const esAlloc = q(alloc['ephemeral-storage']);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const tot = { cr: ZERO, cl: ZERO, mr: ZERO, ml: ZERO, er: ZERO, el: ZERO };
  for (const p of pods) {
    const cr = podTotals(p, 'requests', 'cpu');
    const cl = podTotals(p, 'limits', 'cpu');
    const mr = podTotals(p, 'requests', 'memory');
    const ml = podTotals(p, 'limits', 'memory');
    tot.cr = tot.cr.add(cr);
    tot.cl = tot.cl.add(cl);
    tot.mr = tot.mr.add(mr);
    tot.ml = tot.ml.add(ml);
    tot.er = tot.er.add(podTotals(p, 'requests', 'ephemeral-storage'));
    tot.el = tot.el.add(podTotals(p, 'limits', 'ephemeral-storage'));
    w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${cr} (${pct(cr, cpuAlloc, true)}%)\t${cl} (${pct(cl, cpuAlloc, true)}%)\t${mr} (${pct(mr, memAlloc, false)}%)\t${ml} (${pct(ml, memAlloc, false)}%)\t${since(p.metadata.creationTimestamp, d.now)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${tot.cr} (${pct(tot.cr, cpuAlloc, true)}%)\t${tot.cl} (${pct(tot.cl, cpuAlloc, true)}%)\n`);
  w.write(1, `memory\t${tot.mr} (${pct(tot.mr, memAlloc, false)}%)\t${tot.ml} (${pct(tot.ml, memAlloc, false)}%)\n`);
  w.write(1, `ephemeral-storage\t${tot.er} (${pct(tot.er, esAlloc, false)}%)\t${tot.el} (${pct(tot.el, esAlloc, false)}%)\n`);
  // After the standard three: each hugepages size with its share of the allocatable, then extended resources bare.
  const names = Object.keys(alloc).sort();
  for (const r of names.filter((n) => n.startsWith('hugepages-'))) {
    let req = ZERO;
    let lim = ZERO;
    for (const p of pods) {
      req = req.add(podTotals(p, 'requests', r));
      lim = lim.add(podTotals(p, 'limits', r));
    }
    w.write(1, `${r}\t${req} (${pct(req, q(alloc[r]), false)}%)\t${lim} (${pct(lim, q(alloc[r]), false)}%)\n`);
  }
  for (const r of names.filter((n) => !n.startsWith('hugepages-') && !['cpu', 'memory', 'ephemeral-storage', 'pods'].includes(n))) {
    let req = ZERO;
    let lim = ZERO;
    for (const p of pods) {
      req = req.add(podTotals(p, 'requests', r));
      lim = lim.add(podTotals(p, 'limits', r));
    }
    w.write(1, `${r}\t${req}\t${lim}\n`);
  }
  if (d.showEvents) describeEvents(w, d.events(o, 'Node'), d.now);
  return w.text();
}
