import { defaultLab, parseLabDefinition, type LabDefinition } from '../../engine/cluster/lab-definition.ts';
import { EXAM_MAX_CLUSTERS, examLab } from '../../engine/cluster/labs/exam.ts';
import type { Exercise, SetupStep } from '../pack/types.ts';

/**
 * TaskSite is where an exam task runs: its cluster, the context that reaches
 * it, the host the question says to ssh to, and how the machine names the
 * exercise was written against (the default lab's `terminal`, `controlplane`,
 * `node01`, `node02`) translate to that cluster's machines. It is plain data,
 * so a running exam keeps it with the lab.
 */
export interface TaskSite {
  cluster: string;
  context: string;
  /** host: the machine the task is solved on (`ssh <host>`): the cluster's control plane */
  host: string;
  /** student: the default lab's student host; tasks written for it run on `host` */
  student: string;
  /** hosts: default-lab cluster machine name → this cluster's machine */
  hosts: Record<string, string>;
  /** from: the default lab's context (and cluster name) the exercise names, now `context` */
  from: string[];
  /**
   * network: the default cluster's machine network (first three octets) and
   * this cluster's; an address there (a node's, a load balancer's) keeps its
   * last octet on this cluster's network, except the student host's (`keep`)
   */
  network?: { from: string; to: string; keep: string[] };
}

/** ExamPlan is an exam's lab (definition text) and the site of each of its tasks, in task order. */
export interface ExamPlan {
  lab: string;
  sites: TaskSite[];
}

/**
 * disruption says why a task must have a cluster of its own, or undefined
 * when it can share one: its setup or solution stops a kubelet, breaks or
 * edits a control-plane manifest or a kubeconfig (every `fault` step), edits a
 * node's kubelet or container runtime configuration, upgrades the cluster,
 * restores etcd, drains, cordons or taints nodes, changes a kube-system
 * component (scales, replaces, patches, deletes) or a cluster-wide default
 * class. Any of these
 * would stall or spoil the setup, the solution or the checks of another task
 * on the same cluster.
 */
export function disruption(ex: Exercise): string | undefined {
  for (const s of [...ex.setup, ...ex.solution]) {
    const why = stepDisruption(s);
    if (why) return why;
  }
  return undefined;
}

const DISRUPTIVE: [RegExp, string][] = [
  [/\bsystemctl\s+(stop|disable|mask|kill)\b/, 'stops a service'],
  [/(sed\s+-i|>|\bmv\b|\brm\b|\bcp\b)[^\n]*\/etc\/kubernetes\/manifests\/(kube-|etcd)/, 'edits a control-plane manifest'],
  [/\bkubeadm\s+upgrade\b/, 'upgrades the cluster'],
  [/\bsnapshot\s+restore\b/, 'restores etcd'],
  [/\bkubectl\b[^\n]*\s(drain|cordon|taint)\s/, 'changes what nodes accept'],
  [/\b(scale|replace|patch|edit|delete|set|rollout)\b[^\n]*kube-system|kube-system[^\n]*\b(scale|replace|patch|edit|delete|set|rollout)\b/, 'changes a kube-system component'],
  [/(sed\s+-i|>|\bmv\b|\brm\b|\bcp\b)[^\n]*(\/var\/lib\/kubelet\/|\/etc\/containerd\/|\/etc\/default\/kubelet|\/etc\/systemd\/system\/kubelet)/, "edits a node's kubelet or runtime configuration"],
  [/is-default-class/, 'changes a cluster-wide default'],
];

function stepDisruption(s: SetupStep): string | undefined {
  if ('fault' in s) return s.fault.type === 'stop-service' ? `stops ${s.fault.service} on ${s.fault.host}` : `breaks ${s.fault.path} on ${s.fault.host}`;
  const text = 'run' in s ? s.run : 'apply' in s ? s.apply : s.file.content;
  return DISRUPTIVE.find(([re]) => re.test(text))?.[1];
}

/** BaseNames are the machine names and context exercises are written against (the default lab's). */
interface BaseNames {
  student: string;
  studentIp: string;
  controlPlane: string;
  workers: string[];
  contexts: string[];
  /** network: the first three octets of the default control plane's address */
  network: string;
}

function baseNames(def: LabDefinition = defaultLab()): BaseNames {
  const c = def.clusters[0]!;
  const cp = c.machines.find((m) => m.role === 'control-plane')!;
  return {
    student: def.student.host,
    studentIp: def.student.ip,
    network: prefix24(cp.ip),
    controlPlane: cp.name,
    workers: c.machines.filter((m) => m.role === 'worker').map((m) => m.name),
    contexts: [c.context, c.name],
  };
}

/** workersNeeded is how many workers a task's cluster needs: enough for every worker the exercise names. */
export function workersNeeded(ex: Exercise, base = baseNames()): number {
  const text = JSON.stringify([ex.task, ex.setup, ex.solution, ex.checks]);
  let n = 1;
  base.workers.forEach((w, i) => {
    if (new RegExp(`(?<![A-Za-z0-9_])${w}(?![A-Za-z0-9_])`).test(text)) n = Math.max(n, i + 1);
  });
  return n;
}

/**
 * planExam places an exam's tasks on clusters, as the CKA gives each question
 * an environment: the tasks that disrupt a cluster (see disruption) each get a
 * small cluster of their own, the others share the first cluster, which is
 * built like the default lab. Past EXAM_MAX_CLUSTERS the disruptive tasks
 * share the clusters kept for them, in turn. The plan depends only on the
 * tasks and their order, so an exam drawn again from its seed gets the same
 * lab and sites.
 */
export function planExam(exercises: Exercise[], o: { maxClusters?: number } = {}): ExamPlan {
  const base = baseNames();
  const max = Math.max(1, Math.min(o.maxClusters ?? EXAM_MAX_CLUSTERS, EXAM_MAX_CLUSTERS));
  const shared = exercises.some((ex) => !disruption(ex)) || max === 1;
  const own = exercises.map((ex, i) => (disruption(ex) ? i : -1)).filter((i) => i >= 0);
  const spare = max - (shared ? 1 : 0);
  const isolated = Math.min(own.length, spare);
  // clusterOf[i]: 0-based cluster index of task i
  const clusterOf = exercises.map(() => 0);
  own.forEach((task, k) => (clusterOf[task] = isolated ? (shared ? 1 : 0) + (k % isolated) : 0));
  const count = Math.max(1, (shared ? 1 : 0) + isolated);
  const shapes = Array.from({ length: count }, (_, c) => {
    const on = exercises.filter((_, i) => clusterOf[i] === c);
    return { workers: shared && c === 0 ? base.workers.length : Math.max(1, ...on.map((ex) => workersNeeded(ex, base))) };
  });
  const lab = examLab(shapes);
  const def = parseLabDefinition(lab);
  const sites = exercises.map((_, i) => siteOf(def.clusters[clusterOf[i]!]!, base));
  return { lab, sites };
}

function prefix24(ip: string): string {
  return ip.split('.').slice(0, 3).join('.');
}

function siteOf(c: LabDefinition['clusters'][number], base: BaseNames): TaskSite {
  const cpMachine = c.machines.find((m) => m.role === 'control-plane')!;
  const cp = cpMachine.name;
  const workers = c.machines.filter((m) => m.role === 'worker').map((m) => m.name);
  const hosts: Record<string, string> = { [base.controlPlane]: cp };
  base.workers.forEach((w, i) => {
    const to = workers[i];
    if (to) hosts[w] = to;
  });
  return { cluster: c.name, context: c.context, host: cp, student: base.student, hosts, from: base.contexts, network: { from: base.network, to: prefix24(cpMachine.ip), keep: [base.studentIp] } };
}

/** whereText is the line a question of the real exam opens with: the host to ssh to (the site's, or the exercise's own machine there) and the context. */
export function whereText(site: TaskSite, host = site.host): string {
  return `Solve this question on: ssh ${host} (context ${site.context})`;
}
