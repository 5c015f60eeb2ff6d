import { withoutNullCreationTimestamp } from '../../../engine/tools/kubectl/testing/kubectl-134.ts';

/**
 * KNOWN_DIFFERENCES lists commands whose output differs on purpose, with why:
 * only what the real kubectl 1.33 does differently from the 1.34 the lab
 * simulates (docs/fidelity.md shows them). The suite asserts they do differ,
 * so an entry that stops differing is noticed.
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {
  'version --client': 'the lab runs kubectl v1.34.1 with Kustomize v5.7.1; the comparison kubectl is v1.33.1 with Kustomize v5.6.0',
};

/** CLUSTER_SCOPED are the cluster-scoped kinds as kubectl prints them in a deletion line (no namespace named). */
const CLUSTER_SCOPED = new Set([
  'namespace',
  'node',
  'persistentvolume',
  'clusterrole.rbac.authorization.k8s.io',
  'clusterrolebinding.rbac.authorization.k8s.io',
  'storageclass.storage.k8s.io',
  'csidriver.storage.k8s.io',
  'volumeattachment.storage.k8s.io',
  'customresourcedefinition.apiextensions.k8s.io',
  'priorityclass.scheduling.k8s.io',
  'ingressclass.networking.k8s.io',
  'runtimeclass.node.k8s.io',
  'certificatesigningrequest.certificates.k8s.io',
  'validatingwebhookconfiguration.admissionregistration.k8s.io',
  'mutatingwebhookconfiguration.admissionregistration.k8s.io',
  'apiservice.apiregistration.k8s.io',
  'gatewayclass.gateway.networking.k8s.io',
  'clusterissuer.cert-manager.io',
]);

/** namespaceOf reads the namespace a command line works in (-n / --namespace, else the context's default). */
function namespaceOf(command: string): string {
  const m = /(?:^|\s)(?:-n|--namespace)[=\s]?(\S+)/.exec(command);
  return m ? m[1]! : 'default';
}

/**
 * as134 turns what the real kubectl 1.33 printed into what kubectl 1.34 prints
 * where only the wording changed: a deletion line names the namespace of a
 * namespaced object (`pod "web" deleted from default namespace`, kubectl
 * PR 126619), in delete, replace --force and run --rm; and a zero
 * creationTimestamp is omitted rather than printed as null (apimachinery 1.34).
 */
export function as134(command: string, stdout: string): string {
  return withoutNullCreationTimestamp(stdout).replace(/^([a-z0-9.-]+) "([^"]+)" ((?:force )?deleted)((?: \((?:server )?dry run\))?)$/gm, (line, kind: string, name: string, op: string, dry: string) =>
    CLUSTER_SCOPED.has(kind) ? line : `${kind} "${name}" ${op} from ${namespaceOf(command)} namespace${dry}`,
  );
}

/**
 * withoutPortNames takes from our describe output what kubectl 1.34 added
 * and 1.33 cannot print: the port's name after a container or host port
 * (`Ports: 53/UDP (dns), 53/TCP (dns-tcp)`, kubectl commit 8067f3a1a).
 */
export function withoutPortNames(stdout: string): string {
  return stdout.replace(/^(\s*(?:Host )?Ports?:\s+)(.*)$/gm, (_line, head: string, list: string) => head + list.replace(/(\d+\/(?:TCP|UDP|SCTP)) \([^)]*\)/g, '$1'));
}

/** as134Err is as134 for stderr: error texts that print an object (jsonpath's debugging output) lose the null creationTimestamp too. */
export function as134Err(stderr: string): string {
  return withoutNullCreationTimestamp(stderr);
}
