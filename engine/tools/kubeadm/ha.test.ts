import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { steppedLab } from '../../lab/testing/stepped-lab.ts';

/** The HA pack's lab: three prepared machines; k8s-api is written to their /etc/hosts below. */
const HA_LAB = readFileSync(new URL('../../../exercises/packs/ha/lab.yaml', import.meta.url), 'utf8');
const ETCDCTL = 'ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';

async function haLab() {
  const { run } = await steppedLab({ seed: 5, lab: HA_LAB });
  /** on runs lines as root on a machine and comes back. */
  const on = async (host: string, lines: string[]) => {
    await run(`ssh ${host}`);
    await run('sudo -i');
    const results = [];
    for (const l of lines) results.push(await run(l));
    await run('exit');
    await run('exit');
    return results;
  };
  return { run, on };
}

describe('kubeadm: a highly available control plane with stacked etcd', () => {
  it('joins further control-plane nodes through the uploaded certificates, with an etcd member each', async () => {
    const { on } = await haLab();
    const hosts = 'echo "192.168.100.10 k8s-api" >> /etc/hosts';
    const [, init] = await on('controlplane', [hosts, 'kubeadm init --control-plane-endpoint=k8s-api:6443 --upload-certs --pod-network-cidr=10.244.0.0/16']);
    expect(init!.exit).toBe(0);
    expect(init!.text).toContain('[upload-certs] Storing the certificates in Secret "kubeadm-certs" in the "kube-system" Namespace\n[upload-certs] Using certificate key:\n');
    expect(init!.text).toContain('You can now join any number of control-plane nodes running the following command on each as root:\n\n  kubeadm join k8s-api:6443 --token ');
    expect(init!.text).toContain('Please note that the certificate-key gives access to cluster sensitive data, keep it secret!\n');
    const key = /--certificate-key ([0-9a-f]{64})/.exec(init!.text)![1]!;
    const cpJoin = /(kubeadm join k8s-api:6443 --token \S+ \\\n\t--discovery-token-ca-cert-hash \S+ \\\n\t--control-plane --certificate-key \S+)/.exec(init!.text)![1]!.replace(/\\\n\t/g, '');
    expect(init!.text).toMatch(/Then you can join any number of worker nodes by running the following on each as root:\n\nkubeadm join k8s-api:6443 --token \S+ \\\n\t--discovery-token-ca-cert-hash sha256:[0-9a-f]{64} \n$/);
    await on('controlplane', ['mkdir -p ~/.kube && cp /etc/kubernetes/admin.conf ~/.kube/config', 'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml']);

    // A wrong certificate key cannot decrypt the Secret, and nothing is written.
    const wrongKey = cpJoin.replace(key, 'ab'.repeat(32));
    const [, bad] = await on('controlplane2', [hosts, wrongKey, 'ls /etc/kubernetes/manifests']);
    expect(bad!.exit).toBe(1);
    expect(bad!.text).toContain('error execution phase control-plane-prepare/download-certs: error downloading certs: error decoding secret data with provided key: cipher: message authentication failed\n');

    const [joined, members, endpoints] = await on('controlplane2', [cpJoin, ETCDCTL + ' member list', 'sleep 20; kubectl --kubeconfig /etc/kubernetes/admin.conf get endpoints kubernetes --no-headers 2>/dev/null']);
    expect(joined!.exit).toBe(0);
    expect(joined!.text).toContain('[download-certs] Downloading the certificates in Secret "kubeadm-certs" in the "kube-system" Namespace\n');
    expect(joined!.text).toContain('[etcd] Announced new etcd member joining to the existing etcd cluster\n');
    expect(joined!.text).toContain('This node has joined the cluster and a new control plane instance was created:\n');
    expect(members!.text.trim().split('\n').map((l) => l.split(', ').slice(1, 3).join(' '))).toEqual(expect.arrayContaining(['started controlplane', 'started controlplane2']));
    expect(endpoints!.text).toMatch(/^kubernetes +192\.168\.100\.10:6443,192\.168\.100\.13:6443 /);

    // Both CAs agree: the second node's certificates come from the first one's CA.
    const [ca1] = await on('controlplane', ['md5sum /etc/kubernetes/pki/ca.crt /etc/kubernetes/pki/sa.key | cut -d" " -f1']);
    const [ca2, nodes] = await on('controlplane2', ['md5sum /etc/kubernetes/pki/ca.crt /etc/kubernetes/pki/sa.key | cut -d" " -f1', 'kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes --no-headers']);
    expect(ca2!.text).toBe(ca1!.text);
    expect(nodes!.text).toMatch(/^controlplane2 +Ready +control-plane /m);

    // Two members make a cluster that cannot lose either: without quorum the API stops answering.
    await on('controlplane2', ['mv /etc/kubernetes/manifests/etcd.yaml /root/', 'sleep 20']);
    const [health] = await on('controlplane', [ETCDCTL + ' endpoint health']);
    expect(health!.text).toContain('Error: unhealthy cluster');
    const [back] = await on('controlplane2', ['mv /root/etcd.yaml /etc/kubernetes/manifests/ && sleep 30 && ' + ETCDCTL + ' endpoint health']);
    expect(back!.text).toMatch(/^https:\/\/127\.0\.0\.1:2379 is healthy: successfully committed proposal/);

    // kubeadm reset takes the member out of the cluster first: the one left keeps its quorum.
    const [reset] = await on('controlplane2', ['kubeadm reset -f']);
    expect(reset!.exit).toBe(0);
    const [left, api] = await on('controlplane', [ETCDCTL + ' member list', 'kubectl get ns default --no-headers']);
    expect(left!.text.trim().split('\n')).toHaveLength(1);
    expect(api!.text).toMatch(/^default +Active /);
  }, 120_000);

  it('refuses a control-plane join to a cluster without a controlPlaneEndpoint', async () => {
    const { on } = await haLab();
    const [init] = await on('controlplane', ['kubeadm init --upload-certs --pod-network-cidr=10.244.0.0/16']);
    expect(init!.text).not.toContain('join any number of control-plane nodes');
    const key = /Using certificate key:\n([0-9a-f]{64})/.exec(init!.text)![1]!;
    const [token] = await on('controlplane', [`kubeadm token create --print-join-command --certificate-key ${key}`]);
    expect(token!.text).toMatch(/^kubeadm join 192\.168\.100\.10:6443 --token \S+ --discovery-token-ca-cert-hash sha256:[0-9a-f]{64} --control-plane --certificate-key [0-9a-f]{64}\n$/);
    const [join] = await on('controlplane2', [token!.text.trim()]);
    expect(join!.exit).toBe(1);
    expect(join!.text).toContain("error execution phase preflight: \nOne or more conditions for hosting a new control plane instance is not satisfied.\n\nunable to add a new control plane instance to a cluster that doesn't have a stable controlPlaneEndpoint address\n");
  }, 120_000);
});
