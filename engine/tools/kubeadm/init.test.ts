import { describe, expect, it } from 'vitest';
import { apiServerProgram } from '../../controlplane/programs/apiserver.ts';
import { etcdProgram } from '../../controlplane/programs/etcd.ts';
import { controlPlaneHarness, type RunningProgram } from '../../controlplane/testing/harness.ts';
import { runKubeadm } from './program.ts';

describe('kubeadm init and join', () => {
  it('init writes the control plane, waits for it, and join waits for the kubelet bootstrap', async () => {
    const h = controlPlaneHarness('1.34.1', { installed: false });
    const cp = h.world.mustHost('controlplane').fs;
    const worker = h.world.mustHost('node01').fs;
    const init = h.start(runKubeadm, ['kubeadm', 'init', '--pod-network-cidr=10.244.0.0/16']);
    // Play the kubelet: run the static pods once their manifests are there.
    const pods: RunningProgram[] = [];
    for (let i = 0; i < 30 && init.exited() === undefined; i++) {
      await h.flush(1000);
      if (pods.length === 0 && cp.exists('/etc/kubernetes/manifests/kube-apiserver.yaml')) {
        pods.push(h.start(etcdProgram('3.6.4'), h.command('etcd.yaml')));
        await h.flush();
        pods.push(h.start(apiServerProgram('1.34.1'), h.command('kube-apiserver.yaml')));
      }
    }
    expect(init.exited()).toBe(0);
    const out = init.stdout.text;
    expect(out.startsWith('[init] Using Kubernetes version: v1.34.1\n[preflight] Running pre-flight checks\n')).toBe(true);
    expect(out).toContain('[certs] apiserver serving cert is signed for DNS names [controlplane kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local] and IPs [10.96.0.1 192.168.100.10]\n');
    expect(out).toContain('\nYour Kubernetes control-plane has initialized successfully!\n');
    const join = /kubeadm join (\S+) --token (\S+) \\\n\t--discovery-token-ca-cert-hash (\S+) \n$/.exec(out);
    expect(join).not.toBeNull();
    expect(cp.readFile('/etc/kubernetes/manifests/kube-controller-manager.yaml')).toContain('--cluster-cidr=10.244.0.0/16');

    // a second init finds the files in place
    const again = h.start(runKubeadm, ['kubeadm', 'init']);
    await h.flush();
    expect(await again.done).toBe(1);
    expect(again.stderr.text).toContain('\t[ERROR Port-6443]: Port 6443 is in use\n\t[ERROR FileAvailable--etc-kubernetes-manifests-kube-apiserver.yaml]: /etc/kubernetes/manifests/kube-apiserver.yaml already exists\n');

    // a wrong CA hash is refused before anything is written
    const wrong = h.start(runKubeadm, ['kubeadm', 'join', join![1]!, '--token', join![2]!, '--discovery-token-ca-cert-hash', `sha256:${'0'.repeat(64)}`], 'node01');
    for (let i = 0; i < 5 && wrong.exited() === undefined; i++) await h.flush(1000);
    expect(wrong.exited()).toBe(1);
    expect(wrong.stderr.text).toContain(`cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "${join![3]}" are pinned`);
    expect(worker.exists('/etc/kubernetes/bootstrap-kubelet.conf')).toBe(false);

    // an unknown or expired token: discovery keeps polling for its JWS signature until its 5m0s timeout
    const unknown = h.start(runKubeadm, ['kubeadm', 'join', join![1]!, '--token', 'zzzzzz.0123456789abcdef', '--discovery-token-ca-cert-hash', join![3]!], 'node01');
    for (let i = 0; i < 290; i++) await h.flush(1000);
    expect(unknown.exited()).toBeUndefined();
    for (let i = 0; i < 20 && unknown.exited() === undefined; i++) await h.flush(1000);
    expect(unknown.exited()).toBe(1);
    expect(unknown.stderr.text).toContain(`couldn't validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "zzzzzz"\n`);

    const ok = h.start(runKubeadm, ['kubeadm', 'join', join![1]!, '--token', join![2]!, '--discovery-token-ca-cert-hash', join![3]!], 'node01');
    for (let i = 0; i < 10 && ok.exited() === undefined; i++) {
      await h.flush(1000);
      // the kubelet's TLS bootstrap ends by writing kubelet.conf
      if (worker.exists('/etc/kubernetes/bootstrap-kubelet.conf') && !worker.exists('/etc/kubernetes/kubelet.conf')) worker.writeFile('/etc/kubernetes/kubelet.conf', 'apiVersion: v1\n');
    }
    expect(ok.exited()).toBe(0);
    expect(ok.stdout.text).toContain('This node has joined the cluster:\n');
    expect(worker.readFile('/etc/kubernetes/pki/ca.crt')).toBe(cp.readFile('/etc/kubernetes/pki/ca.crt'));
    for (const pod of pods) await pod.stop();
  });
});
