import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { runEtcdctl, runEtcdutl } from '../../tools/etcdctl/program.ts';
import { controlPlaneHarness } from '../testing/harness.ts';
import { apiServerProgram } from './apiserver.ts';
import { etcdProgram } from './etcd.ts';
import { clientFromKubeconfig } from './kubeconfig-client.ts';
import { schedulerProgram } from './scheduler.ts';
import { controllerManagerProgram } from './controller-manager.ts';

const ETCD_CERTS = ['--endpoints=https://127.0.0.1:2379', '--cacert=/etc/kubernetes/pki/etcd/ca.crt', '--cert=/etc/kubernetes/pki/etcd/healthcheck-client.crt', '--key=/etc/kubernetes/pki/etcd/healthcheck-client.key'];

describe('control-plane binaries run from the kubeadm manifests', () => {
  it('etcd and kube-apiserver come up from their manifest flags and serve the cluster', async () => {
    const h = controlPlaneHarness();
    const etcd = h.start(etcdProgram('3.6.4'), h.command('etcd.yaml'));
    await h.flush();
    expect(etcd.exited()).toBeUndefined();
    const api = h.start(apiServerProgram('1.34.1'), h.command('kube-apiserver.yaml'));
    await h.flush();
    expect(api.exited()).toBeUndefined();
    expect(api.stderr.text).toContain('Serving securely on [::]:6443');

    const admin = h.start(async (p) => {
      const c = clientFromKubeconfig(p, '/etc/kubernetes/super-admin.conf');
      if ('error' in c) throw new Error(c.error);
      const names = c.client.list(R.namespaces).items.map((n) => n.metadata.name);
      p.stdout.write(names.join(','));
      return 0;
    }, ['admin']);
    await admin.done;
    expect(admin.stdout.text.split(',')).toEqual(expect.arrayContaining(['default', 'kube-system', 'kube-public', 'kube-node-lease']));

    // the scheduler and the controller manager connect with their own kubeconfigs
    const sched = h.start(schedulerProgram('1.34.1'), h.command('kube-scheduler.yaml'));
    const kcm = h.start(controllerManagerProgram('1.34.1'), h.command('kube-controller-manager.yaml'));
    await h.flush(2000);
    expect(sched.exited()).toBeUndefined();
    expect(kcm.exited()).toBeUndefined();
    for (const r of [sched, kcm, api, etcd]) expect(await r.stop()).toBe(0);
  });

  it('a snapshot restored to a new data dir is what etcd serves once the manifest points there', async () => {
    const h = controlPlaneHarness();
    const etcdArgs = h.command('etcd.yaml');
    let etcd = h.start(etcdProgram('3.6.4'), etcdArgs);
    await h.flush();
    const ctl = async (...args: string[]) => {
      const r = h.start(runEtcdctl, ['etcdctl', ...ETCD_CERTS, ...args]);
      await h.flush(10_000);
      await r.done;
      return r;
    };
    await ctl('put', '/lab/before', 'saved');
    expect((await ctl('snapshot', 'save', '/opt/backup.db')).stdout.text).toBe('Snapshot saved at /opt/backup.db\n');
    await ctl('put', '/lab/after', 'lost');
    const restore = h.start(runEtcdutl, ['etcdutl', 'snapshot', 'restore', '/opt/backup.db', '--data-dir', '/var/lib/etcd-from-backup']);
    expect(await restore.done).toBe(0);
    await etcd.stop();
    // the data written before the stop stays in the old directory
    etcd = h.start(etcdProgram('3.6.4'), etcdArgs);
    await h.flush();
    expect((await ctl('get', '/lab', '--prefix', '--keys-only')).stdout.text).toBe('/lab/after\n\n/lab/before\n\n');
    const api = h.start(apiServerProgram('1.34.1'), h.command('kube-apiserver.yaml'));
    await h.flush();
    expect(api.exited()).toBeUndefined();
    await etcd.stop();
    etcd = h.start(etcdProgram('3.6.4'), etcdArgs.map((a) => a.replace('--data-dir=/var/lib/etcd', '--data-dir=/var/lib/etcd-from-backup')));
    await h.flush();
    expect((await ctl('get', '/lab', '--prefix', '--keys-only')).stdout.text).toBe('/lab/before\n\n');
    // the apiserver notices another member behind its --etcd-servers and exits, to be restarted on the restored data
    await h.flush(5000);
    expect(api.exited()).toBe(1);
    expect(api.stderr.text).toContain('"watch chan error" err="rpc error: code = Unavailable desc = error reading from server: EOF"');
    // a restore without --initial-* flags makes the default member, whose peer URL is localhost (as on a real node)
    expect((await ctl('member', 'list')).stdout.text).toBe('8e9e05c52164694d, started, controlplane, http://localhost:2380, https://192.168.100.10:2379, false\n');
    await etcd.stop();
  });

  it('rejects unknown flags and missing files with the real messages', async () => {
    const h = controlPlaneHarness();
    const bad = h.start(apiServerProgram('1.34.1'), ['kube-apiserver', '--foo=bar']);
    expect(await bad.done).toBe(1);
    expect(bad.stderr.text.trimEnd().split('\n').at(-1)).toBe('Error: unknown flag: --foo');
    const e = h.start(etcdProgram('3.6.4'), ['etcd', '--foo']);
    expect(await e.done).toBe(2);
    expect(e.stderr.text.split('\n')[0]).toBe('flag provided but not defined: -foo');
    const args = h.command('kube-apiserver.yaml').map((a) => a.replace('--client-ca-file=/etc/kubernetes/pki/ca.crt', '--client-ca-file=/etc/kubernetes/pki/ca.crtx'));
    const missing = h.start(apiServerProgram('1.34.1'), args);
    expect(await missing.done).toBe(1);
    expect(missing.stderr.text.trimEnd().split('\n').at(-1)).toMatch(/^E0105 09:00:00\.\d{6} {7}1 run\.go:72\] "command failed" err="unable to load client CA provider: open \/etc\/kubernetes\/pki\/ca\.crtx: no such file or directory"$/);
    const sched = h.start(schedulerProgram('1.34.1'), ['kube-scheduler', '--kubeconfig=/etc/kubernetes/scheduler.conff']);
    expect(await sched.done).toBe(1);
    expect(sched.stderr.text).toContain('"command failed" err="stat /etc/kubernetes/scheduler.conff: no such file or directory"');
  });

  it('kube-apiserver gives up when etcd does not answer', async () => {
    const h = controlPlaneHarness();
    const api = h.start(apiServerProgram('1.34.1'), h.command('kube-apiserver.yaml'));
    for (let i = 0; i < 8 && api.exited() === undefined; i++) await h.flush(10_000);
    expect(api.exited()).toBe(1);
    expect(api.stderr.text).toContain('grpc: addrConn.createTransport failed to connect to {Addr: "127.0.0.1:2379"');
    expect(api.stderr.text).toContain('connect: connection refused');
    expect(api.stderr.text.trimEnd().split('\n').at(-1)).toMatch(/instance\.go:226\] Error creating leases: error creating storage factory: context deadline exceeded$/);
  });
});
