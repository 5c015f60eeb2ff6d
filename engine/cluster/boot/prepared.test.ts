import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../protocol/api.ts';
import { Lab } from '../../lab/lab.ts';
import { DEFAULT_LAB } from '../labs/default.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));
/** Two prepared machines: no cluster yet, nothing but packages and a failing kubelet. */
const BARE_LAB = DEFAULT_LAB.replace('    cni: calico\n', '    installed: false\n')
  .replace(/    addons:\n(    .*\n)+/, '')
  .replace(/    - name: node02\n      role: worker\n      ip: 192\.168\.100\.12\n/, '');

async function bareLab() {
  const out: string[] = [];
  const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
  const s = (await engine.boot({ seed: 4, lab: BARE_LAB })).sessions[0]!.id;
  const run = async (line: string) => {
    out.length = 0;
    const r = await engine.submit(s, line);
    return { text: out.join(''), exit: r.kind === 'done' ? r.exit : -1 };
  };
  return { run };
}

describe('a lab of prepared machines (installed: false)', () => {
  it('is built with kubeadm init, a CNI and kubeadm join, as on real machines', async () => {
    const { run } = await bareLab();
    expect((await run('kubectl get nodes')).text).toContain('The connection to the server localhost:8080 was refused');
    await run('ssh controlplane');
    await run('sudo -i');
    // The kubelet is installed and enabled, and fails until kubeadm writes its configuration.
    expect((await run('systemctl is-active kubelet')).text).not.toBe('active\n');
    expect((await run('journalctl -u kubelet --no-pager | grep -m1 "command failed"')).text).toContain('failed to load kubelet config file, path: /var/lib/kubelet/config.yaml');

    const init = await run('kubeadm init --pod-network-cidr=10.244.0.0/16');
    expect(init.exit).toBe(0);
    expect(init.text).toContain('Your Kubernetes control-plane has initialized successfully!');
    const join = /kubeadm join \S+ --token \S+ \\\n\t--discovery-token-ca-cert-hash \S+/.exec(init.text)![0].replace('\\\n\t', '');
    await run('export KUBECONFIG=/etc/kubernetes/admin.conf');
    // No CNI yet: the node is NotReady and CoreDNS waits.
    await run('sleep 5');
    expect((await run('kubectl get nodes --no-headers')).text).toMatch(/^controlplane +NotReady +control-plane /);
    expect((await run('kubectl describe node controlplane')).text).toContain('container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized');
    expect((await run('kubectl -n kube-system get pods -l k8s-app=kube-dns --no-headers')).text).toMatch(/^coredns-\S+ +0\/1 +Pending /m);

    expect((await run('kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml')).text).toContain('daemonset.apps/kube-flannel-ds created\n');
    await run('sleep 30');
    expect((await run('cat /etc/cni/net.d/10-flannel.conflist')).text).toContain('"type": "flannel"');
    expect((await run('kubectl get nodes --no-headers')).text).toMatch(/^controlplane +Ready +control-plane /);
    expect((await run('kubectl -n kube-system get deploy coredns --no-headers')).text).toMatch(/^coredns +2\/2 /);

    await run('exit');
    await run('exit');
    await run('ssh node01');
    await run('sudo -i');
    const joined = await run(join);
    expect(joined.text).toContain('This node has joined the cluster:');
    await run('sleep 20');
    await run('exit');
    await run('exit');
    await run('ssh controlplane');
    const nodes = await run('sudo kubectl --kubeconfig=/etc/kubernetes/admin.conf get nodes --no-headers');
    expect(nodes.text).toMatch(/^node01 +Ready +<none> /m);
    const csr = await run('sudo kubectl --kubeconfig=/etc/kubernetes/admin.conf get csr --no-headers');
    expect(csr.text).toMatch(/^node-csr-\S+ +\S+ +kubernetes\.io\/kube-apiserver-client-kubelet +system:bootstrap:\S+ +<none> +Approved,Issued$/m);
  });

  it('shows flannel crash-looping, and pods without a network, on a cluster made without --pod-network-cidr', async () => {
    const { run } = await bareLab();
    await run('ssh controlplane');
    await run('sudo -i');
    expect((await run('kubeadm init')).exit).toBe(0);
    await run('export KUBECONFIG=/etc/kubernetes/admin.conf');
    await run('kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml');
    await run('sleep 40');
    expect((await run('kubectl -n kube-flannel get pods --no-headers')).text).toMatch(/^kube-flannel-ds-\S+ +0\/1 +(Error|CrashLoopBackOff) /m);
    expect((await run('kubectl -n kube-flannel logs ds/kube-flannel-ds')).text).toContain('Error registering network: failed to acquire lease: node "controlplane" pod cidr not assigned');
    // flannel's init container installed the CNI configuration: the node is Ready, but no pod gets a network.
    expect((await run('kubectl get nodes --no-headers')).text).toMatch(/^controlplane +Ready /);
    const dns = await run('kubectl -n kube-system describe pods -l k8s-app=kube-dns');
    expect(dns.text).toContain('plugin type="flannel" failed (add): loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: no such file or directory');
    expect((await run('kubectl -n kube-system get pods -l k8s-app=kube-dns --no-headers')).text).toMatch(/^coredns-\S+ +0\/1 +ContainerCreating /m);
  });

  it('gets its pod network from Calico\'s manifest install', async () => {
    const { run } = await bareLab();
    await run('ssh controlplane');
    await run('sudo -i');
    await run('kubeadm init --pod-network-cidr=192.168.0.0/16');
    await run('export KUBECONFIG=/etc/kubernetes/admin.conf');
    const applied = await run('kubectl apply -f https://raw.githubusercontent.com/projectcalico/calico/v3.29.1/manifests/calico.yaml');
    expect(applied.text).toContain('customresourcedefinition.apiextensions.k8s.io/ippools.crd.projectcalico.org created\n');
    await run('sleep 40');
    expect((await run('kubectl get nodes --no-headers')).text).toMatch(/^controlplane +Ready /);
    expect((await run('kubectl -n kube-system get pods -l k8s-app=calico-node --no-headers')).text).toMatch(/^calico-node-\S+ +1\/1 +Running /);
    expect((await run('kubectl get ippools.crd.projectcalico.org -o jsonpath={.items[0].spec.cidr}')).text).toBe('192.168.0.0/16');
    expect((await run('cat /var/lib/calico/nodename')).text).toBe('controlplane');
    expect((await run('kubectl -n kube-system get deploy coredns --no-headers')).text).toMatch(/^coredns +2\/2 /);
  });

  it('joins a prepared machine to an installed cluster', async () => {
    const lab = DEFAULT_LAB.replace('      ip: 192.168.100.12\n', '      ip: 192.168.100.12\n      prepared: true\n');
    const out: string[] = [];
    const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
    const s = (await engine.boot({ seed: 4, lab })).sessions[0]!.id;
    const run = async (line: string) => {
      out.length = 0;
      await engine.submit(s, line);
      return out.join('');
    };
    expect(await run('kubectl get nodes -o name')).toBe('node/controlplane\nnode/node01\n');
    await run('ssh controlplane');
    await run('sudo kubeadm token create --print-join-command > /tmp/join');
    await run('exit');
    await run('ssh node02');
    await run('sudo -i');
    expect(await run('ls /etc/kubernetes')).not.toContain('kubelet.conf');
    expect(await run('bash -c "$(ssh controlplane cat /tmp/join)"')).toContain('This node has joined the cluster:');
    await run('exit');
    await run('exit');
    await run('sleep 20');
    expect(await run('kubectl get nodes --no-headers')).toMatch(/^node02 +Ready +<none> /m);
  });
});
