import { describe, expect, it } from 'vitest';
import { parseLabDefinition } from '../../engine/cluster/lab-definition.ts';
import type { Exercise, SetupStep } from '../pack/types.ts';
import { localizeExercise } from './localize.ts';
import { disruption, planExam, whereText, workersNeeded } from './placement.ts';

function ex(id: string, o: Partial<Exercise> = {}): Exercise {
  return { id, title: id, domain: 'workloads-scheduling', curriculum: ['x'], weight: 4, setup: [], task: 't', hints: [], checks: [{ type: 'exists', object: { kind: 'Pod', name: 'p' } }], solution: [], source: `${id}.yaml`, ...o };
}
const run = (script: string, host?: string): SetupStep => ({ run: script, ...(host ? { host } : {}) });

describe('disruption', () => {
  it('names what spoils a shared cluster, and nothing for ordinary tasks', () => {
    expect(disruption(ex('a', { setup: [{ fault: { type: 'stop-service', host: 'node02', service: 'kubelet' } }] }))).toBe('stops kubelet on node02');
    expect(disruption(ex('b', { setup: [{ fault: { type: 'edit-file', host: 'controlplane', path: '/etc/kubernetes/manifests/kube-scheduler.yaml', replace: 'a', with: 'b' } }] }))).toBe('breaks /etc/kubernetes/manifests/kube-scheduler.yaml on controlplane');
    expect(disruption(ex('c', { setup: [run('systemctl disable kubelet\nsystemctl stop kubelet', 'node02')] }))).toBe('stops a service');
    expect(disruption(ex('d', { solution: [run('kubeadm upgrade apply v1.35.0 -y')] }))).toBe('upgrades the cluster');
    expect(disruption(ex('e', { setup: [run('kubectl --kubeconfig /etc/kubernetes/admin.conf cordon node01')] }))).toBe('changes what nodes accept');
    expect(disruption(ex('f', { setup: [run('kubectl -n kube-system scale deployment coredns --replicas=0')] }))).toBe('changes a kube-system component');
    expect(disruption(ex('g', { solution: [{ apply: 'metadata:\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\n' }] }))).toBe('changes a cluster-wide default');
    expect(disruption(ex('f2', { setup: [run("kubectl -n kube-system get configmap coredns -o yaml | sed 's#a#b#' | kubectl replace -f -")] }))).toBe('changes a kube-system component');
    expect(disruption(ex('f3', { setup: [run("sed -i 's#a#b#' /var/lib/kubelet/config.yaml\nsystemctl restart kubelet", 'node02')] }))).toBe("edits a node's kubelet or runtime configuration");
    // A new static pod on a worker, reading manifests and kubelet files, uncordoning, reading kube-system: nothing another task depends on.
    expect(disruption(ex('h2', { solution: [run("grep -o 'x' /var/lib/kubelet/kubeadm-flags.env | cut -d= -f2 > /opt/course/3/cri\nkubectl -n kube-system get pods\nkubectl -n kube-system logs -l k8s-app=kube-dns")] }))).toBeUndefined();
    expect(disruption(ex('h', { solution: [run('cat > /etc/kubernetes/manifests/static-web.yaml <<EOF\nEOF\ncat /etc/kubernetes/manifests/kube-apiserver.yaml\nkubectl uncordon node01')] }))).toBeUndefined();
  });
});

describe('planExam', () => {
  const calm = [ex('c1'), ex('c2'), ex('c3')];
  const kubelet = ex('kubelet', { host: 'node02', setup: [run('systemctl stop kubelet', 'node02')] });
  const scheduler = ex('scheduler', { host: 'controlplane', setup: [{ fault: { type: 'edit-file', host: 'controlplane', path: '/etc/kubernetes/manifests/kube-scheduler.yaml', replace: 'a', with: 'b' } }] });

  it('puts ordinary tasks on one cluster and each disrupting task on a cluster of its own', () => {
    const plan = planExam([calm[0]!, kubelet, calm[1]!, scheduler, calm[2]!]);
    expect(plan.sites.map((s) => s.cluster)).toEqual(['k8s-c1', 'k8s-c2', 'k8s-c1', 'k8s-c3', 'k8s-c1']);
    const def = parseLabDefinition(plan.lab);
    expect(def.student.host).toBe('terminal');
    // The shared cluster is as big as the default one; the kubelet task names node02, so its cluster has two workers.
    expect(def.clusters.map((c) => c.machines.map((m) => m.name))).toEqual([
      ['cka1', 'cka1-node1', 'cka1-node2'],
      ['cka2', 'cka2-node1', 'cka2-node2'],
      ['cka3', 'cka3-node1'],
    ]);
    // Distinct contexts, addresses and pod networks: the clusters share one network.
    expect(new Set(def.clusters.map((c) => c.context)).size).toBe(3);
    expect(new Set(def.clusters.flatMap((c) => c.machines.map((m) => m.ip))).size).toBe(8);
    expect(def.clusters.map((c) => c.podSubnet)).toEqual(['10.244.0.0/16', '10.245.0.0/16', '10.246.0.0/16']);
    expect(def.clusters.every((c) => c.version === '1.34.3' && c.addons.some((a) => a.name === 'ingress-nginx'))).toBe(true);
    expect(plan.sites[1]).toEqual({ cluster: 'k8s-c2', context: 'k8s-c2', host: 'cka2', student: 'terminal', hosts: { controlplane: 'cka2', node01: 'cka2-node1', node02: 'cka2-node2' }, from: ['kubernetes-admin@kubernetes', 'kubernetes'], network: { from: '192.168.100', to: '192.168.102', keep: ['192.168.100.5'] } });
    expect(whereText(plan.sites[1]!)).toBe('Solve this question on: ssh cka2 (context k8s-c2)');
    expect(whereText(plan.sites[1]!, 'cka2-node2')).toBe('Solve this question on: ssh cka2-node2 (context k8s-c2)');
  });

  it('is the same plan for the same tasks, and a calm exam needs one cluster', () => {
    expect(planExam([kubelet, calm[0]!, scheduler])).toEqual(planExam([kubelet, calm[0]!, scheduler]));
    expect(parseLabDefinition(planExam(calm).lab).clusters).toHaveLength(1);
  });

  it('shares the clusters kept for disrupting tasks when there are more of them than clusters', () => {
    const many = Array.from({ length: 5 }, (_, i) => ex(`k${i}`, { setup: [run('systemctl stop kubelet', 'node01')] }));
    const plan = planExam([calm[0]!, ...many], { maxClusters: 3 });
    expect(plan.sites.map((s) => s.cluster)).toEqual(['k8s-c1', 'k8s-c2', 'k8s-c3', 'k8s-c2', 'k8s-c3', 'k8s-c2']);
    expect(parseLabDefinition(plan.lab).clusters).toHaveLength(3);
  });

  it('gives a cluster only the workers its tasks name', () => {
    expect(workersNeeded(ex('a', { task: 'On `node01`, …' }))).toBe(1);
    expect(workersNeeded(ex('b', { checks: [{ type: 'exists', object: { kind: 'Node', name: 'node02' } }] }))).toBe(2);
  });
});

describe('localizeExercise', () => {
  const site = planExam([ex('x', { setup: [run('systemctl stop kubelet', 'node02')] }), ex('calm')]).sites[0]!;
  it('renames the default machines everywhere, the student host where it is a host, and the context', () => {
    const e = ex('kubelet', {
      host: 'node02',
      context: 'kubernetes-admin@kubernetes',
      task: 'The node `node02` is NotReady; write the answer to `/opt/a` on `terminal`. Open a terminal first.',
      setup: [run('systemctl stop kubelet', 'node02'), { apply: 'nodeSelector:\n  kubernetes.io/hostname: node01\n', context: 'kubernetes-admin@kubernetes' }],
      checks: [
        { type: 'jsonpath', object: { kind: 'Pod', namespace: 'kube-system', name: 'kube-apiserver-controlplane' }, path: '{.spec.nodeName}', equals: 'controlplane' },
        { type: 'http', host: 'terminal', url: 'http://node01:30200/' },
        { type: 'command', host: 'node02', run: 'systemctl is-active kubelet', contains: 'active' },
      ],
      solution: [run('ssh node02\nsudo systemctl start kubelet\nexit\nssh candidate@controlplane true\nssh terminal true')],
    });
    const l = localizeExercise(e, site);
    expect(l.host).toBe('cka2-node2');
    expect(l.context).toBe('k8s-c2');
    expect(l.task).toBe('The node `cka2-node2` is NotReady; write the answer to `/opt/a` on `cka2`. Open a terminal first.');
    expect(l.setup).toEqual([{ run: 'systemctl stop kubelet', host: 'cka2-node2' }, { apply: 'nodeSelector:\n  kubernetes.io/hostname: cka2-node1\n', context: 'k8s-c2' }]);
    expect(l.checks).toEqual([
      { type: 'jsonpath', object: { kind: 'Pod', namespace: 'kube-system', name: 'kube-apiserver-cka2' }, path: '{.spec.nodeName}', equals: 'cka2' },
      { type: 'http', host: 'cka2', url: 'http://cka2-node1:30200/' },
      { type: 'command', host: 'cka2-node2', run: 'systemctl is-active kubelet', contains: 'active' },
    ]);
    expect(l.solution).toEqual([run('ssh cka2-node2\nsudo systemctl start kubelet\nexit\nssh candidate@cka2 true\nssh cka2 true')]);
    expect([l.id, l.source, l.curriculum]).toEqual([e.id, e.source, e.curriculum]);
  });
  it("moves addresses of the default cluster's network to the site's, but not the student host's", () => {
    const l = localizeExercise(ex('ip', { task: 'It answers `The connection to the server 192.168.100.10:6443 was refused`; try http://192.168.100.240/ from 192.168.100.5, not 10.192.168.100.1 or 192.168.1000.1.' }), site);
    expect(l.task).toBe('It answers `The connection to the server 192.168.102.10:6443 was refused`; try http://192.168.102.240/ from 192.168.100.5, not 10.192.168.100.1 or 192.168.1000.1.');
  });
  it('sends a task of the student host to the site, and leaves other contexts alone', () => {
    const l = localizeExercise(ex('calm', { checks: [{ type: 'exists', object: { kind: 'Pod', name: 'p' }, context: 'other' }] }), site);
    expect(l.host).toBe('cka2');
    expect(l.checks[0]!.context).toBe('other');
  });
});

describe('localizeExercise on patterns', () => {
  const site = planExam([ex('calm')]).sites[0]!;
  it('turns a pattern over default machine names into one over the site machines', () => {
    const l = localizeExercise(ex('p', { checks: [
      { type: 'jsonpath', object: { kind: 'Pod', name: 'p' }, path: '{.spec.nodeName}', matches: '^node0[12]$' },
      { type: 'jsonpath', object: { kind: 'Pod', name: 'p' }, path: '{.spec.nodeName}', matches: '^(controlplane|kube-apiserver-controlplane)$' },
      { type: 'jsonpath', object: { kind: 'Pod', name: 'p' }, path: '{.status.phase}', matches: '^(Running|Succeeded)$' },
    ] }), site);
    expect(l.checks.map((c) => ('matches' in c ? c.matches : ''))).toEqual(['^(?:cka1-node1|cka1-node2)$', '^(cka1|kube-apiserver-cka1)$', '^(Running|Succeeded)$']);
    const re = new RegExp((l.checks[0] as { matches: string }).matches);
    expect(['cka1-node1', 'cka1-node2', 'cka1', 'node01'].map((n) => re.test(n))).toEqual([true, true, false, false]);
  });
});
