import { stringify } from 'yaml';
import { defaultLab } from '../lab-definition.ts';

/** ExamClusterShape is the size of one cluster of a mock exam's lab. */
export interface ExamClusterShape {
  /** workers: how many worker machines beside the control plane (1 or 2) */
  workers: number;
}

/** EXAM_MAX_CLUSTERS bounds a mock exam's lab: each cluster costs boot time and saved-state size. */
export const EXAM_MAX_CLUSTERS = 6;

/**
 * examLab writes the lab definition of a mock exam: the student's host of the
 * default lab, and one small cluster per shape, built like the default lab's
 * cluster (its version, CNI and add-ons, so the exercises written for it run
 * unchanged) but with names of their own, as the CKA's environments have:
 * cluster and context `k8s-cN`, control plane `ckaN` (the host a question says
 * to ssh to), workers `ckaN-node1`, `ckaN-node2`.
 *
 * The clusters share the lab's one network, so each gets its own machine
 * addresses (192.168.10N.0/24) and pod network (10.24(3+N).0.0/16): a pod
 * address must name one pod in the whole lab. Service networks may repeat,
 * because a cluster IP is only reachable from its own cluster's nodes and pods.
 */
export function examLab(shapes: ExamClusterShape[]): string {
  const base = defaultLab();
  const model = base.clusters[0]!;
  const clusters = shapes.slice(0, EXAM_MAX_CLUSTERS).map((s, i) => {
    const n = i + 1;
    const net = `192.168.${100 + n}`;
    const workers = Math.max(1, Math.min(2, s.workers));
    return {
      name: `k8s-c${n}`,
      context: `k8s-c${n}`,
      version: model.version,
      podSubnet: `10.${243 + n}.0.0/16`,
      serviceSubnet: model.serviceSubnet,
      machines: [
        { name: `cka${n}`, role: 'control-plane', ip: `${net}.10` },
        ...Array.from({ length: workers }, (_, w) => ({ name: `cka${n}-node${w + 1}`, role: 'worker', ip: `${net}.${11 + w}` })),
      ],
      ...(model.cni ? { cni: model.cni } : {}),
      addons: model.addons,
    };
  });
  const doc = { apiVersion: 'kubelab.dev/v1', kind: 'Lab', metadata: { name: 'exam' }, spec: { student: base.student, clusters } };
  return `# A mock exam's lab: one small cluster per group of questions (see docs/labs.md, "Mock exam").\n${stringify(doc)}`;
}
