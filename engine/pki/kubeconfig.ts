/**
 * Kubeconfig files in the exact layout client-go's clientcmd.Write produces
 * (keys sorted, two-space indent), as kubeadm and the kubelet write them.
 */
import { btoaUtf8 } from '../base/base64.ts';

/** KubeconfigSpec is one cluster, one user and the context joining them. */
export interface KubeconfigSpec {
  clusterName: string;
  server: string;
  caPem: string;
  userName: string;
  /** the context name; "<user>@<cluster>" as kubeadm names it unless given */
  contextName?: string;
  namespace?: string;
  /** embedded credentials (kubeadm) … */
  clientCertPem?: string;
  clientKeyPem?: string;
  /** … or file paths (the kubelet after TLS bootstrap) */
  clientCertificatePath?: string;
  clientKeyPath?: string;
  token?: string;
}

/** kubeconfigYaml renders a kubeconfig file. */
export function kubeconfigYaml(s: KubeconfigSpec): string {
  const ctx = s.contextName ?? `${s.userName}@${s.clusterName}`;
  const user: string[] = [];
  if (s.clientCertificatePath) user.push(`    client-certificate: ${s.clientCertificatePath}`);
  if (s.clientCertPem) user.push(`    client-certificate-data: ${btoaUtf8(s.clientCertPem)}`);
  if (s.clientKeyPath) user.push(`    client-key: ${s.clientKeyPath}`);
  if (s.clientKeyPem) user.push(`    client-key-data: ${btoaUtf8(s.clientKeyPem)}`);
  if (s.token) user.push(`    token: ${s.token}`);
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${btoaUtf8(s.caPem)}`,
    `    server: ${s.server}`,
    `  name: ${s.clusterName}`,
    'contexts:',
    '- context:',
    `    cluster: ${s.clusterName}`,
    ...(s.namespace ? [`    namespace: ${s.namespace}`] : []),
    `    user: ${s.userName}`,
    `  name: ${ctx}`,
    `current-context: ${ctx}`,
    'kind: Config',
    'preferences: {}',
    'users:',
    `- name: ${s.userName}`,
    '  user:',
    ...user,
    '',
  ].join('\n');
}
