import type { Process, Program } from '../../host/process.ts';
import { startScheduler } from '../../scheduler/index.ts';
import { registerVerdicts } from '../../scheduler/verdict-registry.ts';
import { COMMON_BOOLS, COMMON_FLAGS, parseComponentFlags } from './flags.ts';
import { commandFailed, klogLine } from './klog.ts';
import { clientFromKubeconfig } from './kubeconfig-client.ts';
import { serveHealth } from './health.ts';

const KNOWN = new Set([...COMMON_FLAGS, 'config', 'write-config-to', 'pod-max-in-unschedulable-pods-duration', 'lock-object-name', 'lock-object-namespace']);
const BOOLS = new Set(COMMON_BOOLS);

/**
 * The kube-scheduler binary of the registry.k8s.io/kube-scheduler image: it
 * builds its client from --kubeconfig (the real errors for a missing or
 * broken file) and runs the engine's scheduler until its container stops.
 */
export function schedulerProgram(version: string): Program {
  return async (p: Process) => {
    const parsed = parseComponentFlags(p.argv.slice(1), KNOWN, BOOLS);
    if ('error' in parsed) {
      p.stderr.write(`Usage:\n  kube-scheduler [flags]\n\nError: ${parsed.error}\n`);
      return 1;
    }
    if (parsed.has('version')) {
      p.stdout.write(`Kubernetes v${version}\n`);
      return 0;
    }
    const kubeconfig = parsed.get('kubeconfig');
    if (!kubeconfig) return commandFailed(p, 'invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable');
    const c = clientFromKubeconfig(p, kubeconfig);
    if ('error' in c) return commandFailed(p, c.error);
    p.stderr.write(klogLine('I', p.sys.runtime.now, 'serving.go:386', 'Generated self-signed cert in-memory'));
    p.stderr.write(klogLine('I', p.sys.runtime.now, 'server.go:167', `"Starting Kubernetes Scheduler" version="v${version}"`));
    const health = serveHealth(p, parsed, 10259);
    if ('error' in health) return commandFailed(p, health.error);
    return new Promise<number>((resolve) => {
      const end = (code: number) => {
        unregister();
        h.stop();
        health.close();
        resolve(code);
      };
      // Like the real binary, a scheduler that could not renew its Lease exits; the kubelet starts it again.
      const h = startScheduler({
        runtime: p.sys.runtime,
        client: c.client,
        hostname: p.hostname,
        onLeadershipLost: () => {
          p.stderr.write(klogLine('E', p.sys.runtime.now, 'server.go:292', '"Leaderelection lost"'));
          end(1);
        },
      });
      const unregister = registerVerdicts(p.sys.runtime, (uid) => h.verdicts(uid));
      p.signal.onInterrupt(() => end(0));
    });
  };
}
