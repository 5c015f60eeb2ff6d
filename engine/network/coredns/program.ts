import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Process, Program } from '../../host/process.ts';
import { listenHttp, readOr, untilStopped } from '../../node/images/programs/serve.ts';
import { parseCorefile, type CoreConfig } from './corefile.ts';
import { setServingConfig } from './instances.ts';

/** RELOAD_INTERVAL_MS is the reload plugin's default check interval (30s; the lab leaves out its jitter). */
export const RELOAD_INTERVAL_MS = 30_000;

/** confPath is CoreDNS's -conf flag (kubeadm's Deployment passes /etc/coredns/Corefile); "Corefile" in the working directory without it. */
function confPath(argv: string[]): string {
  const i = argv.findIndex((a) => a === '-conf' || a === '--conf');
  if (i >= 0 && argv[i + 1]) return argv[i + 1]!;
  const eq = argv.find((a) => /^--?conf=/.test(a));
  return eq ? eq.slice(eq.indexOf('=') + 1) : 'Corefile';
}

function load(p: Process, path: string, syntaxOnly = false): { text: string; cfg: CoreConfig } | { error: string } {
  const text = readOr(p, path);
  if (text === undefined) return { error: `open ${path}: no such file or directory` };
  const cfg = parseCorefile(text, { path, syntaxOnly, fileExists: (f) => p.fs.exists(f) });
  return 'error' in cfg ? cfg : { text, cfg };
}

const shaOf = (text: string) => bytesToHex(sha512(utf8ToBytes(text)));

/**
 * The coredns binary of registry.k8s.io/coredns/coredns. Answering queries is
 * the cluster's CoreDNS component (engine/network/coredns), which serves the
 * configuration this process loaded; the process serves the health (8080
 * /health) and readiness (8181 /ready) endpoints kubeadm's Deployment probes.
 * A Corefile it cannot load ends it with CoreDNS's error (the pod crash-loops);
 * with the reload plugin it re-reads the file every 30 s and keeps the running
 * configuration when the new one fails, logging why.
 */
export function corednsProgram(tag: string): Program {
  const version = tag.replace(/^v/, '');
  return async (p) => {
    if (p.argv.includes('-version')) {
      p.stdout.write(`CoreDNS-${version}\nlinux/amd64, go1.24.1, 707c7c1\n`);
      return 0;
    }
    const path = confPath(p.argv);
    const first = load(p, path);
    if ('error' in first) {
      // mustLogFatal: the error alone on stderr (log flags 0), exit status 1
      p.stderr.write(`${first.error}\n`);
      return 1;
    }
    const runtime = p.sys.runtime;
    const podIp = p.sys.hostIp;
    let current = first;
    setServingConfig(runtime, podIp, current.cfg);
    const ok = { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'OK' };
    const health = listenHttp(p, 8080, { handle: () => ok });
    const ready = listenHttp(p, 8181, { handle: () => ok });
    p.stdout.write(`.:53\n[INFO] plugin/reload: Running configuration SHA512 = ${shaOf(current.text)}\nCoreDNS-${version}\nlinux/amd64, go1.24.1, 707c7c1\n`);
    // The reload plugin: a changed file that fails to load is tried once (until it changes again); the old configuration keeps serving.
    let lastTried = current.text;
    const reload = runtime.every(RELOAD_INTERVAL_MS, () => {
      if (!current.cfg.reload) return;
      const text = readOr(p, path);
      if (text === undefined) {
        p.stdout.write(`[WARNING] plugin/reload: Corefile load failed: open ${path}: no such file or directory\n`);
        return;
      }
      const syntax = load(p, path, true);
      if ('error' in syntax) {
        p.stdout.write(`[WARNING] plugin/reload: Corefile parse failed: ${syntax.error}\n`);
        return;
      }
      if (text === lastTried) return;
      lastTried = text;
      const next = load(p, path);
      if ('error' in next) {
        p.stdout.write(`[ERROR] Restart failed: ${next.error}\n`);
        p.stdout.write(`[ERROR] plugin/reload: Corefile changed but reload failed: starting with listener file descriptors: ${next.error}\n`);
        return;
      }
      current = next;
      setServingConfig(runtime, podIp, current.cfg);
      p.stdout.write(`[INFO] Reloading\n[INFO] plugin/reload: Running configuration SHA512 = ${shaOf(current.text)}\n[INFO] Reloading complete\n`);
    }, 'coredns-reload');
    return untilStopped(p, () => {
      reload.cancel();
      setServingConfig(runtime, podIp, undefined);
      health.close();
      ready.close();
    });
  };
}
