import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../protocol/api.ts';
import { Lab } from '../lab/lab.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));
const CERTS = '--endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';

describe("the lab cluster's control-plane tools", () => {
  it('answers etcdctl with the cluster certificates and refuses it without them', async () => {
    const out: string[] = [];
    const lab = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
    const s = (await lab.boot({ seed: 3 })).sessions[0]!.id;
    const run = async (line: string) => {
      out.length = 0;
      const r = await lab.submit(s, line);
      return { text: out.join(''), exit: r.kind === 'done' ? r.exit : -1 };
    };
    await run('ssh controlplane');
    await run('sudo -i');
    const keys = await run(`ETCDCTL_API=3 etcdctl ${CERTS} get /registry/namespaces --prefix --keys-only`);
    expect(keys.text).toContain('/registry/namespaces/kube-system\n');
    expect(keys.exit).toBe(0);
    const snap = await run(`ETCDCTL_API=3 etcdctl ${CERTS} snapshot save /opt/backup.db`);
    expect(snap.text).toContain('Snapshot saved at /opt/backup.db');
    const bare = await run('ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 get /registry --prefix --keys-only');
    expect(bare.exit).toBe(1);
    expect(bare.text).toContain('x509: certificate signed by unknown authority');
    expect(bare.text).toContain('Error: context deadline exceeded');
    const noClient = await run('etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt endpoint health');
    expect(noClient.text).toContain('tls: certificate required');
    expect(noClient.exit).toBe(1);

    // kubeadm reads the installed package's version and the cluster's certificates
    const version = await run('kubeadm version -o short');
    expect(version.text).toMatch(/^v1\.\d+\.\d+\n$/);
    const check = await run('kubeadm certs check-expiration');
    expect(check.text).toContain('CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED\nadmin.conf ');
    const join = await run('kubeadm token create --print-join-command');
    expect(join.text).toMatch(/^kubeadm join \d+\.\d+\.\d+\.\d+:6443 --token [a-z0-9]{6}\.[a-z0-9]{16} --discovery-token-ca-cert-hash sha256:[0-9a-f]{64} \n$/);
  });
});
