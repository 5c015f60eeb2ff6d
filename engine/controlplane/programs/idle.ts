import type { Program } from '../../host/process.ts';
import { runEtcdctl, runEtcdutl } from '../../tools/etcdctl/program.ts';

/**
 * idleDaemon is a binary whose behaviour lives elsewhere in the engine: it stays up
 * until its container stops, so the pod is Running. etcdctl and etcdutl in
 * the etcd image are the same programs as the host tools, so
 * `kubectl exec etcd-controlplane -- etcdctl …` works as on a real cluster.
 */
export function idleDaemon(name: string): Program {
  if (name === 'etcdctl') return runEtcdctl;
  if (name === 'etcdutl') return runEtcdutl;
  return (p) =>
    new Promise<number>((resolve) => {
      p.signal.onInterrupt(() => resolve(0));
    });
}
