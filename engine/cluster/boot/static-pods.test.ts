import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../protocol/api.ts';
import { Lab } from '../../lab/lab.ts';
import { DEFAULT_LAB } from '../labs/default.ts';
import { parseLabDefinition } from '../lab-definition.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));
const STATIC_LAB = DEFAULT_LAB;
const DIRECT_LAB = DEFAULT_LAB.replace('    cni: calico\n', '    cni: calico\n    controlPlane: direct\n');
const ETCD = 'ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';

async function staticLab(lab = STATIC_LAB) {
  const out: string[] = [];
  const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
  const s = (await engine.boot({ seed: 3, lab })).sessions[0]!.id;
  const run = async (line: string) => {
    out.length = 0;
    const r = await engine.submit(s, line);
    return { text: out.join(''), exit: r.kind === 'done' ? r.exit : -1 };
  };
  return { engine, run };
}

describe('a cluster whose control plane runs as static pods', () => {
  it('is the default lab\'s control plane; controlPlane: direct runs it in-process instead', () => {
    expect(parseLabDefinition(DEFAULT_LAB).clusters[0]!.controlPlane).toBe('static-pods');
    expect(parseLabDefinition(DIRECT_LAB).clusters[0]!.controlPlane).toBe('direct');
  });

  it('runs the control plane from /etc/kubernetes/manifests through the kubelet, with mirror pods', async () => {
    const { run } = await staticLab();
    const nodes = await run('kubectl get nodes --no-headers');
    expect(nodes.text).toMatch(/^controlplane +Ready +control-plane /m);
    expect(nodes.text).toMatch(/^node01 +Ready +<none> /m);
    const pods = await run('kubectl get pods -n kube-system --no-headers');
    for (const name of ['etcd-controlplane', 'kube-apiserver-controlplane', 'kube-controller-manager-controlplane', 'kube-scheduler-controlplane']) {
      expect(pods.text).toMatch(new RegExp(`^${name} +[01]/1 +Running `, 'm'));
    }
    await run('ssh controlplane');
    await run('sudo -i');
    const ps = await run('crictl ps');
    for (const name of ['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager']) expect(ps.text).toMatch(new RegExp(` ${name} +\\d+ +[0-9a-f]+ +${name}-controlplane`));
  });

  it('keeps its control plane healthy while idle and runs workloads with logs and exec', async () => {
    const { run } = await staticLab();
    await run('sleep 1800');
    const pods = await run('kubectl get pods -n kube-system --no-headers');
    for (const name of ['etcd-controlplane', 'kube-apiserver-controlplane', 'kube-controller-manager-controlplane', 'kube-scheduler-controlplane']) {
      expect(pods.text).toMatch(new RegExp(`^${name} +1/1 +Running +0 `, 'm'));
    }
    // The controller manager acts through its controllers' own ServiceAccounts.
    expect((await run('kubectl get sa -n kube-system node-controller deployment-controller --no-headers')).exit).toBe(0);
    expect((await run('kubectl get nodes -o jsonpath={.items[*].spec.taints[*].key}')).text).toBe('node-role.kubernetes.io/control-plane');
    await run('kubectl create deployment web --image=nginx --replicas=2');
    await run('sleep 20');
    expect((await run('kubectl get deploy web --no-headers')).text).toMatch(/^web +2\/2 +2 +2 /);
    await run('kubectl run one --image=nginx');
    await run('sleep 10');
    expect((await run('kubectl exec one -- hostname')).text).toBe('one\n');
    expect((await run('kubectl logs one')).text).toContain('/docker-entrypoint.sh');
    expect((await run('kubectl create token default')).exit).toBe(0);
  });

  it('loses the apiserver to a typo in its manifest and gets it back once fixed', async () => {
    const { run } = await staticLab();
    await run('ssh controlplane');
    await run('sudo -i');
    await run("sed -i 's/--authorization-mode=/--authorisation-mode=/' /etc/kubernetes/manifests/kube-apiserver.yaml");
    await run('sleep 30');
    const refused = await run('kubectl get nodes');
    expect(refused.text).toBe('The connection to the server 192.168.100.10:6443 was refused - did you specify the right host or port?\n');
    expect(refused.exit).toBe(1);
    expect((await run('crictl ps -a --name kube-apiserver')).text).toMatch(/Exited/);
    await run("sed -i 's/--authorisation-mode=/--authorization-mode=/' /etc/kubernetes/manifests/kube-apiserver.yaml");
    await run('sleep 330');
    const back = await run('kubectl get nodes --no-headers');
    expect(back.exit).toBe(0);
    expect(back.text).toMatch(/^controlplane +Ready /m);
    // The new apiserver reaches the kubelets again; the scheduler, which lost its Lease meanwhile, restarted and schedules.
    await run('kubectl run after --image=nginx');
    await run('sleep 30');
    expect((await run('kubectl exec after -- hostname')).text).toBe('after\n');
    expect((await run('crictl ps --name kube-scheduler')).text).toMatch(/ kube-scheduler +1 /);
  });

  it('leaves new pods Pending without the scheduler manifest', async () => {
    const { run } = await staticLab();
    await run('ssh controlplane');
    await run('sudo -i');
    await run('mv /etc/kubernetes/manifests/kube-scheduler.yaml /root/');
    await run('sleep 30');
    await run('kubectl run web --image=nginx');
    await run('sleep 30');
    expect((await run('kubectl get pod web --no-headers')).text).toMatch(/^web +0\/1 +Pending /);
    expect((await run('crictl ps --name kube-scheduler -q')).text).toBe('');
  });

  it('restores etcd from a snapshot through the manifest hostPath', async () => {
    const { run } = await staticLab();
    await run('ssh controlplane');
    await run('sudo -i');
    await run('kubectl create configmap before --from-literal=a=1');
    expect((await run(`${ETCD} snapshot save /opt/snap.db`)).text).toContain('Snapshot saved at /opt/snap.db');
    await run('kubectl create configmap after --from-literal=a=1');
    const restored = await run('ETCDCTL_API=3 etcdutl snapshot restore /opt/snap.db --data-dir /var/lib/etcd-new');
    expect(restored.exit).toBe(0);
    await run("sed -i 's|path: /var/lib/etcd$|path: /var/lib/etcd-new|' /etc/kubernetes/manifests/etcd.yaml");
    expect((await run('grep -c etcd-new /etc/kubernetes/manifests/etcd.yaml')).text).toBe('1\n');
    await run('sleep 420');
    const cms = await run('kubectl get configmaps --no-headers');
    expect(cms.exit).toBe(0);
    expect(cms.text).toMatch(/^before /m);
    expect(cms.text).not.toMatch(/^after /m);
  });
});
