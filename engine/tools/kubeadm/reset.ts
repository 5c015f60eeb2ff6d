import type { Process } from '../../host/process.ts';
import { ABORTED, confirmed, fail, failPreflight, readOr } from './common.ts';
import { systemctl } from './steps.ts';
import { dialEtcd } from '../etcdctl/connect.ts';
import { MembershipError } from '../../controlplane/etcd/group.ts';

/** leaveEtcdCluster removes this host's member from its etcd cluster when others remain; it answers the error, if any. */
function leaveEtcdCluster(p: Process): string | undefined {
  const pki = '/etc/kubernetes/pki/etcd';
  const r = dialEtcd(p, 'https://127.0.0.1:2379', { caPem: readOr(p, `${pki}/ca.crt`), certPem: readOr(p, `${pki}/healthcheck-client.crt`), keyPem: readOr(p, `${pki}/healthcheck-client.key`) }, false, true);
  if (!('service' in r)) return undefined;
  const g = r.service.group;
  if (g.members.length < 2) return undefined;
  try {
    g.remove(r.service.self.id);
    return undefined;
  } catch (e) {
    if (e instanceof MembershipError) return e.message;
    throw e;
  }
}

/** kubeadmReset is `kubeadm reset [-f]`. */
export async function kubeadmReset(p: Process, o: { force: boolean }): Promise<number> {
  const now = new Date(p.sys.runtime.now).toISOString();
  const klog = (src: string, msg: string) => `W${now.slice(5, 7)}${now.slice(8, 10)} ${now.slice(11, 23)}000    ${1000 + p.sys.runtime.rand.int(9000)} ${src}] ${msg}\n`;
  p.stderr.write(klog('reset.go:141', "[reset] WARNING: Changes made to this host by 'kubeadm init' or 'kubeadm join' will be reverted."));
  if (!o.force) {
    if (!(await confirmed(p, 'reset'))) return fail(p, `error execution phase preflight: ${ABORTED}`);
  }
  if (p.user.uid !== 0) return failPreflight(p, '\t[ERROR IsPrivilegedUser]: user is not running as root\n', true);
  let out = '[preflight] Running pre-flight checks\n';
  const isCp = readOr(p, '/etc/kubernetes/manifests/etcd.yaml') !== undefined;
  if (isCp) {
    // A stacked etcd member leaves its cluster before its data goes (removeetcdmember), so the others keep their quorum.
    const removed = leaveEtcdCluster(p);
    if (removed) p.stderr.write(klog('removeetcdmember.go:67', `[reset] Failed to remove etcd member: ${removed}, please manually remove this etcd member using etcdctl`));
    p.stderr.write(klog('removeetcdmember.go:106', '[reset] No kubeadm config, using etcd pod spec to get data directory'));
    rmContents(p, '/var/lib/etcd');
    out += '[reset] Deleted contents of the etcd data directory: /var/lib/etcd\n';
  }
  systemctl(p, 'stop', 'kubelet');
  out += '[reset] Stopping the kubelet service\n[reset] Unmounting mounted directories in "/var/lib/kubelet"\n';
  for (const d of ['/etc/kubernetes/manifests', '/var/lib/kubelet', '/etc/kubernetes/pki']) rmContents(p, d);
  out += '[reset] Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]\n';
  const files = ['admin.conf', 'super-admin.conf', 'kubelet.conf', 'bootstrap-kubelet.conf', 'controller-manager.conf', 'scheduler.conf'].map((f) => `/etc/kubernetes/${f}`);
  for (const f of files) {
    try {
      p.fs.unlink(f);
    } catch {
      /* already gone */
    }
  }
  out += `[reset] Deleting files: [${files.join(' ')}]\n\nThe reset process does not perform cleanup of CNI plugin configuration,\nnetwork filtering rules and kubeconfig files.\n\nFor information on how to perform this cleanup manually, please see:\n    https://k8s.io/docs/reference/setup-tools/kubeadm/kubeadm-reset/\n\n`;
  p.stdout.write(out);
  return 0;
}

function rmContents(p: Process, dir: string): void {
  let names: string[];
  try {
    names = p.fs.readdir(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const path = `${dir}/${n}`;
    try {
      if (p.fs.lstat(path).type === 'dir') {
        rmContents(p, path);
        p.fs.rmdir(path);
      } else p.fs.unlink(path);
    } catch {
      /* best effort, as kubeadm's cleanup */
    }
  }
}
