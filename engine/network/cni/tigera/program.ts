import { inClusterClient } from '../../../controlplane/programs/in-cluster.ts';
import { commandFailed } from '../../../controlplane/programs/klog.ts';
import type { Process, Program } from '../../../host/process.ts';
import { untilStopped } from '../../../node/images/programs/serve.ts';
import { startTigeraOperator } from './controller.ts';
import { TIGERA_RELEASES } from './manifest.ts';

/** operatorLog writes the operator's structured log line (zap's JSON encoder, as `kubectl logs` shows it). */
function operatorLog(p: Process, logger: string, level: 'info' | 'error', msg: string, fields: Record<string, string> = {}): void {
  const ts = new Date(p.sys.runtime.now).toISOString();
  p.stderr.write(`${JSON.stringify({ level, ts, logger, msg, ...fields })}\n`);
}

/**
 * The operator binary of quay.io/tigera/operator: with its Pod's
 * ServiceAccount it installs the Calico release it was built for (its image
 * version decides which) from the Installation and APIServer resources.
 */
export const tigeraOperator: Program = async (p) => {
  const version = p.env['TIGERA_OPERATOR_INIT_IMAGE_VERSION'] ?? TIGERA_RELEASES[0]!.operator;
  const calico = (TIGERA_RELEASES.find((r) => r.operator === version) ?? TIGERA_RELEASES[0]!).calico;
  operatorLog(p, 'setup', 'info', 'Checking type of cluster', { provider: '' });
  operatorLog(p, 'setup', 'info', 'Starting manager', { version, calicoVersion: calico });
  const client = inClusterClient(p);
  if ('error' in client) return commandFailed(p, client.error);
  const h = startTigeraOperator({
    runtime: p.sys.runtime,
    client,
    calico,
    serviceHost: p.env['KUBERNETES_SERVICE_HOST'] ?? '10.96.0.1',
    log: (logger, level, msg, fields) => operatorLog(p, logger, level, msg, fields),
  });
  return untilStopped(p, () => h.stop());
};

/** calicoIdle is a Calico component whose work the lab's network does (typha, the CSI driver, the API server): it logs its start and runs. */
export function calicoIdle(line: string): Program {
  return async (p) => {
    const t = new Date(p.sys.runtime.now).toISOString().replace('T', ' ').replace('Z', '');
    p.stdout.write(`${t} [INFO][1] ${line}\n`);
    return untilStopped(p, () => {});
  };
}
