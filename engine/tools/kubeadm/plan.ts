import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import type { Process } from '../../host/process.ts';
import { goTabwrite } from '../../pki/go-tabwriter.ts';
import { controlPlaneImageTags } from '../../controlplane/images.ts';
import { settingsFromManifests } from '../../controlplane/kubeadm/from-manifests.ts';
import { adminClient, cmpVersion, fail, ownVersion, readOr, semver } from './common.ts';
import { BANNER, clusterVersion, preflightRoot, RULE, stable } from './upgrade.ts';

/** upgradePlan is `kubeadm upgrade plan`. */
export function upgradePlan(p: Process): number {
  const root = preflightRoot(p, false);
  if (root !== undefined) return root;
  const c = adminClient(p);
  if ('error' in c) return fail(p, c.error);
  const cluster = clusterVersion(p, c);
  if (!cluster) return fail(p, 'unable to fetch the kubeadm-config ConfigMap: configmaps "kubeadm-config" not found');
  const kubeadm = `v${ownVersion(p)}`;
  const [, cMinor] = semver(cluster);
  const [, kMinor] = semver(kubeadm);
  let out = `[preflight] Running pre-flight checks.\n${BANNER('upgrade/config')}[upgrade] Running cluster health checks\n[upgrade] Fetching available versions to upgrade to\n[upgrade/versions] Cluster version: ${cluster}\n[upgrade/versions] kubeadm version: ${kubeadm}\n`;
  let target = stable();
  if (semver(target)[1] > kMinor) {
    out += `I${new Date(p.sys.runtime.now).toISOString().slice(5, 10).replace('-', '')} ${new Date(p.sys.runtime.now).toISOString().slice(11, 23)}000    ${1000 + p.sys.runtime.rand.int(9000)} version.go:261] remote version is much newer: ${target}; falling back to: stable-1.${kMinor}\n`;
    target = stable(kMinor);
  }
  out += `[upgrade/versions] Target version: ${target}\n`;
  const latestInSeries = stable(cMinor);
  out += `[upgrade/versions] Latest version in the v1.${cMinor} series: ${latestInSeries}\n\n`;
  let nodes: KObject[] = [];
  try {
    nodes = c.list(R.nodes).items;
  } catch {
    /* no nodes to show */
  }
  const s = settingsFromManifests((path) => readOr(p, path));
  const cpName = s?.nodeName ?? '';
  const section = (title: string, to: string) => {
    const kubelets = ['COMPONENT\tNODE\tCURRENT\tTARGET'];
    for (const n of nodes) kubelets.push(`kubelet\t${n.metadata.name}\t${(n as { status?: { nodeInfo?: { kubeletVersion?: string } } }).status?.nodeInfo?.kubeletVersion ?? ''}\t${to}`);
    const cur = controlPlaneImageTags(cluster);
    const next = controlPlaneImageTags(to);
    const rows = ['COMPONENT\tNODE\tCURRENT\tTARGET'];
    for (const comp of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) rows.push(`${comp}\t${cpName}\t${cluster}\t${to}`);
    rows.push(`kube-proxy\t\t${cluster.replace(/^v/, '')}\t${to}`, `CoreDNS\t\t${cur.coredns}\t${next.coredns}`, `etcd\t${cpName}\t${s?.etcdImageTag ?? cur.etcd}\t${next.etcd}`);
    let text = "Components that must be upgraded manually after you have upgraded the control plane with 'kubeadm upgrade apply':\n";
    text += goTabwrite(kubelets.join('\n') + '\n', 10, 3);
    text += `\n${title}:\n\n` + goTabwrite(rows.join('\n') + '\n', 10, 3);
    text += `\nYou can now apply the upgrade by executing the following command:\n\n\tkubeadm upgrade apply ${to}\n\n`;
    if (cmpVersion(to, kubeadm) > 0) text += `Note: Before you can perform this upgrade, you have to update kubeadm to ${to}.\n\n`;
    return text + RULE + '\n';
  };
  let any = false;
  if (cmpVersion(latestInSeries, cluster) > 0) {
    out += section(`Upgrade to the latest version in the v1.${cMinor} series`, latestInSeries);
    any = true;
  }
  if (semver(target)[1] > cMinor) {
    out += section('Upgrade to the latest stable version', target);
    any = true;
  }
  if (!any) out += "Awesome, you're up-to-date! Enjoy!\n";
  out += `\nThe table below shows the current state of component configs as understood by this version of kubeadm.
Configs that have a "yes" mark in the "MANUAL UPGRADE REQUIRED" column require manual config upgrade or
resetting to kubeadm defaults before a successful upgrade can be performed. The version to manually
upgrade to is denoted in the "PREFERRED VERSION" column.

${goTabwrite('API GROUP\tCURRENT VERSION\tPREFERRED VERSION\tMANUAL UPGRADE REQUIRED\nkubeproxy.config.k8s.io\tv1alpha1\tv1alpha1\tno\nkubelet.config.k8s.io\tv1beta1\tv1beta1\tno\n', 10, 3)}${RULE}\n`;
  p.stdout.write(out);
  return 0;
}

