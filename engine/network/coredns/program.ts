import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Program } from '../../host/process.ts';
import { listenHttp, readOr, untilStopped } from '../../node/images/programs/serve.ts';

/**
 * The coredns binary of registry.k8s.io/coredns/coredns. Answering queries is
 * the cluster's CoreDNS component (engine/network/coredns), which follows
 * these pods' readiness; the container prints CoreDNS's start banner and
 * serves the health (8080 /health) and readiness (8181 /ready) endpoints
 * kubeadm's Deployment probes.
 */
export function corednsProgram(tag: string): Program {
  const version = tag.replace(/^v/, '');
  return async (p) => {
    if (p.argv.includes('-version')) {
      p.stdout.write(`CoreDNS-${version}\nlinux/amd64, go1.24.1, 707c7c1\n`);
      return 0;
    }
    const ok = { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'OK' };
    const health = listenHttp(p, 8080, { handle: () => ok });
    const ready = listenHttp(p, 8181, { handle: () => ok });
    const corefile = readOr(p, '/etc/coredns/Corefile') ?? '';
    p.stdout.write(`.:53\n[INFO] plugin/reload: Running configuration SHA512 = ${bytesToHex(sha512(utf8ToBytes(corefile)))}\nCoreDNS-${version}\nlinux/amd64, go1.24.1, 707c7c1\n`);
    return untilStopped(p, () => {
      health.close();
      ready.close();
    });
  };
}
