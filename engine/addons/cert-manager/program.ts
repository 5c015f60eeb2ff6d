import { inClusterClient } from '../../controlplane/programs/in-cluster.ts';
import { commandFailed, klogLine } from '../../controlplane/programs/klog.ts';
import type { Process, Program } from '../../host/process.ts';
import { untilStopped } from '../../node/images/programs/serve.ts';
import { CM, startCertManager } from './controller.ts';

function flag(argv: string[], name: string): string | undefined {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
}

/**
 * The controller binary of quay.io/jetstack/cert-manager-controller: it runs
 * the operator with its Pod's ServiceAccount, so it works only while its
 * Deployment runs and only as far as its RBAC allows.
 */
export const certManagerController: Program = async (p) => {
  const client = inClusterClient(p);
  if ('error' in client) return commandFailed(p, client.error);
  const ns = flag(p.argv, 'cluster-resource-namespace') ?? p.env['POD_NAMESPACE'] ?? 'cert-manager';
  p.stderr.write(klogLine('I', p.sys.runtime.now, 'controller.go:169', '"starting controller" logger="cert-manager.controller" version="v1.16.2" git-commit="ed3bd6c4a0a0b7c7a6d4c0ddee3d7b7ad5a0b2f5"'));
  p.stderr.write(klogLine('I', p.sys.runtime.now, 'controller.go:89', `"enabled controllers: [certificaterequests-approver certificates-issuing certificates-key-manager certificates-readiness clusterissuers issuers]" logger="cert-manager.controller" cluster-resource-namespace="${ns}"`));
  try {
    client.list(CM.certificates, undefined, { limit: 1 });
  } catch (e) {
    // What client-go's reflector logs while the API refuses; the informers keep retrying.
    p.stderr.write(klogLine('E', p.sys.runtime.now, 'reflector.go:158', `"Unhandled Error" err="failed to list *v1.Certificate: ${(e as Error).message}" logger="UnhandledError"`));
  }
  const h = startCertManager({
    runtime: p.sys.runtime,
    client,
    clusterResourceNamespace: ns,
    log: (message) => p.stderr.write(klogLine('E', p.sys.runtime.now, 'controller.go:162', `"re-queuing item due to error processing" err=${JSON.stringify(message)} logger="cert-manager.controller"`)),
  });
  return untilStopped(p, () => h.stop());
};

/** idleComponent is a cert-manager binary whose work the controller does here (cainjector, webhook): it logs its start and runs. */
export function idleComponent(line: string): Program {
  return async (p) => {
    p.stderr.write(klogLine('I', p.sys.runtime.now, 'start.go:126', line));
    return untilStopped(p, () => {});
  };
}
