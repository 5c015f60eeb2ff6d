import { ApiClient } from '../../client/client.ts';
import type { Process } from '../../host/process.ts';
import { apiServerDialer } from './kubeconfig-client.ts';
import { readText } from './klog.ts';

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * inClusterClient is client-go's rest.InClusterConfig: the apiserver from
 * KUBERNETES_SERVICE_HOST/PORT, the ServiceAccount token and CA the kubelet
 * mounted into the container. Its errors are client-go's texts.
 */
export function inClusterClient(p: Process): ApiClient | { error: string } {
  const host = p.env['KUBERNETES_SERVICE_HOST'];
  const port = p.env['KUBERNETES_SERVICE_PORT'];
  if (!host || !port) return { error: 'unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined' };
  const token = readText(p, `${SA_DIR}/token`);
  if (typeof token !== 'string') return { error: token.error };
  const ca = readText(p, `${SA_DIR}/ca.crt`);
  return new ApiClient(apiServerDialer(p, `https://${host}:${port}`, typeof ca === 'string' ? ca : undefined), { token: token.trim() });
}
