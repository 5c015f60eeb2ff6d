/**
 * joinCommandText renders kubeadm's join command template
 * (cmd/kubeadm/app/cmd/util/join.go): a line continuation and a tab before
 * the hash and before --control-plane, and the template's trailing spaces.
 */
export function joinCommandText(server: string, token: string, caHash: string, o: { controlPlane: boolean; certificateKey: string }): string {
  const endpoint = server.replace(/^https?:\/\//, '');
  let s = `kubeadm join ${endpoint} --token ${token} \\\n\t--discovery-token-ca-cert-hash ${caHash} `;
  if (o.controlPlane) s += `\\\n\t--control-plane ${o.certificateKey ? `--certificate-key ${o.certificateKey}` : ''}`;
  return s;
}

/** oneLine is the form `kubeadm token create --print-join-command` prints: continuations and tabs removed. */
export function oneLine(cmd: string): string {
  return cmd.replace(/\\\n/g, '').replace(/\t/g, '');
}
