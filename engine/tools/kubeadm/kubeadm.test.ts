import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kubeadmRbacObjects } from '../../apiserver/bootstrap/index.ts';
import { refOf } from '../../client/client.ts';
import { packagedBinary } from '../../host/packages/index.ts';
import { apiServerProgram } from '../../controlplane/programs/apiserver.ts';
import { etcdProgram } from '../../controlplane/programs/etcd.ts';
import { clientFromKubeconfig } from '../../controlplane/programs/kubeconfig-client.ts';
import { controlPlaneHarness } from '../../controlplane/testing/harness.ts';
import type { Process } from '../../host/process.ts';
import { confirmed } from './common.ts';
import { runKubeadm } from './program.ts';
import { versionPolicy } from './upgrade.ts';

/** cluster runs etcd and kube-apiserver from the manifests and adds kubeadm's RBAC, as `kubeadm init` leaves a cluster. */
async function cluster() {
  const h = controlPlaneHarness('1.34.1');
  h.start(etcdProgram('3.6.4'), h.command('etcd.yaml'));
  await h.flush();
  h.start(apiServerProgram('1.34.1'), h.command('kube-apiserver.yaml'));
  await h.flush();
  const rbac = h.start(async (p) => {
    const c = clientFromKubeconfig(p, '/etc/kubernetes/super-admin.conf');
    if ('error' in c) return 1;
    for (const o of kubeadmRbacObjects()) {
      const plural = { ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings', Role: 'roles', RoleBinding: 'rolebindings' }[o.kind]!;
      c.client.create(refOf(o.apiVersion, plural, o.kind.startsWith('Role')), o.metadata.namespace, o);
    }
    return 0;
  }, ['rbac']);
  expect(await rbac.done).toBe(0);
  const kubeadm = async (line: string, on = 'controlplane') => {
    const r = h.start(runKubeadm, ['kubeadm', ...line.split(' ').filter((x) => x)], on);
    for (let i = 0; i < 5 && r.exited() === undefined; i++) await h.flush(1000);
    await r.done;
    return { out: r.stdout.text, err: r.stderr.text, code: r.exited() };
  };
  const installKubeadm = (version: string) => h.host.fs.writeFile('/usr/bin/kubeadm', packagedBinary('kubeadm', 'kubeadm', `${version}-1.1`), { mode: 0o755 });
  return { h, kubeadm, installKubeadm };
}

describe('kubeadm', () => {
  it('reports the version of the installed package', async () => {
    const { kubeadm, installKubeadm } = await cluster();
    installKubeadm('1.33.7');
    expect((await kubeadm('version -o short')).out).toBe('v1.33.7\n');
    installKubeadm('1.35.0');
    expect((await kubeadm('version')).out).toBe('kubeadm version: &version.Info{Major:"1", Minor:"35", EmulationMajor:"", EmulationMinor:"", MinCompatibilityMajor:"", MinCompatibilityMinor:"", GitVersion:"v1.35.0", GitCommit:"66452049f3d692768c39c797b21b793dce80314e", GitTreeState:"clean", BuildDate:"2025-12-17T12:32:07Z", GoVersion:"go1.25.5", Compiler:"gc", Platform:"linux/amd64"}\n');
    const bad = await kubeadm('version --bogus');
    // kubeadm 1.34+ prints "error: " before every error (its errors.HandleError)
    expect(bad.err).toBe('error: unknown flag: --bogus\nTo see the stack trace of this error execute with --v=5 or higher\n');
    expect(bad.code).toBe(1);
  });

  it('checks and renews certificates', async () => {
    const { h, kubeadm } = await cluster();
    h.world.runtime.advance(60_000);
    const check = await kubeadm('certs check-expiration');
    const lines = check.out.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '[check-expiration] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...',
      "[check-expiration] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.",
      '',
    ]);
    expect(lines[3]).toBe('CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED');
    expect(lines[4]).toMatch(/^admin\.conf {17}Jan 05, 2027 09:00 UTC   364d            ca                      no {6}$/);
    expect(lines.at(-2)).toBe('front-proxy-ca          Jan 03, 2036 09:00 UTC   9y              no      ');
    const before = h.host.fs.readFile('/etc/kubernetes/pki/apiserver.crt');
    h.world.runtime.advance(86_400_000);
    const renew = await kubeadm('certs renew apiserver');
    expect(renew.out.endsWith('\ncertificate for serving the Kubernetes API renewed\n')).toBe(true);
    expect(h.host.fs.readFile('/etc/kubernetes/pki/apiserver.crt')).not.toBe(before);
    expect((await kubeadm('certs check-expiration')).out).toMatch(/\napiserver {18}Jan 06, 2027 09:01 UTC   364d /);
    expect((await kubeadm('certs renew nothing')).err).toBe('error: invalid subcommand: "nothing"\nTo see the stack trace of this error execute with --v=5 or higher\n');
    // every command group refuses to run alone (cmdutil.SubCmdRunE), with status 1
    for (const group of ['upgrade', 'certs', 'token', 'config', 'config images']) {
      const r = await kubeadm(group);
      expect(r.err).toBe(`error: missing subcommand; "${group.split(' ').pop()}" is not meant to be run on its own\nTo see the stack trace of this error execute with --v=5 or higher\n`);
      expect(r.code).toBe(1);
    }
    expect((await kubeadm('upgrade nodes')).err).toBe('error: invalid subcommand: "nodes"\nTo see the stack trace of this error execute with --v=5 or higher\n');
  });

  it('creates, lists and deletes bootstrap tokens, printing the join command', async () => {
    const { h, kubeadm } = await cluster();
    const created = await kubeadm('token create --print-join-command');
    const m = /^kubeadm join 192\.168\.100\.10:6443 --token ([a-z0-9]{6})\.([a-z0-9]{16}) --discovery-token-ca-cert-hash sha256:([0-9a-f]{64}) \n$/.exec(created.out);
    expect(m).not.toBeNull();
    if (existsSync('/usr/bin/openssl')) {
      // the hash is the one the kubeadm docs compute with openssl from ca.crt
      const der = execFileSync('/usr/bin/openssl', ['x509', '-pubkey', '-noout'], { input: h.host.fs.readFile('/etc/kubernetes/pki/ca.crt') });
      const spki = execFileSync('/usr/bin/openssl', ['pkey', '-pubin', '-outform', 'der'], { input: der });
      const hex = execFileSync('/usr/bin/openssl', ['dgst', '-sha256', '-hex'], { input: spki }).toString().trim().split(' ').at(-1);
      expect(m![3]).toBe(hex);
    }
    const list = (await kubeadm('token list')).out.split('\n');
    expect(list[0]).toBe('TOKEN                     TTL       EXPIRES                USAGES                   DESCRIPTION   EXTRA GROUPS');
    expect(list[1]).toMatch(new RegExp(`^${m![1]}\\.${m![2]}   23h       2026-01-06T09:00:0\\dZ   authentication,signing   <none>        system:bootstrappers:kubeadm:default-node-token$`));
    expect((await kubeadm(`token delete ${m![1]}`)).out).toBe(`bootstrap token "${m![1]}" deleted\n`);
    expect((await kubeadm('token list')).out.split('\n').length).toBe(2);
  });

  it('plans and applies an upgrade, refusing versions kubeadm cannot reach', async () => {
    const { h, kubeadm, installKubeadm } = await cluster();
    installKubeadm('1.34.1');
    const plan = await kubeadm('upgrade plan');
    expect(plan.out).toContain('[upgrade/versions] Cluster version: v1.34.1\n[upgrade/versions] kubeadm version: v1.34.1\n');
    expect(plan.out).toContain('remote version is much newer: v1.35.0; falling back to: stable-1.34\n[upgrade/versions] Target version: v1.34.3\n');
    expect(plan.out).toContain('Upgrade to the latest version in the v1.34 series:\n\nCOMPONENT                 NODE           CURRENT   TARGET\nkube-apiserver            controlplane   v1.34.1   v1.34.3\n');
    expect(plan.out).toContain('etcd                      controlplane   3.6.4-0   3.6.4-0\n');
    expect(plan.out).toContain('\tkubeadm upgrade apply v1.34.3\n\nNote: Before you can perform this upgrade, you have to update kubeadm to v1.34.3.\n');
    const tooNew = await kubeadm('upgrade apply v1.35.0 -y');
    // a newer minor than kubeadm's own is fatal (phases/upgrade/policy.go), in the phased apply's preflight
    expect(tooNew.err).toBe('error: error execution phase preflight: the version argument is invalid due to these fatal errors:\n\n\t- Specified version to upgrade to "v1.35.0" is at least one minor release higher than the kubeadm minor release (35 > 34). Such an upgrade is not supported\n\nPlease fix the misalignments highlighted above and try upgrading again\nTo see the stack trace of this error execute with --v=5 or higher\n');
    // a newer patch than kubeadm's is skippable with --force
    const newerPatch = await kubeadm('upgrade apply v1.34.3 -y');
    expect(newerPatch.err).toBe('error: error execution phase preflight: the version argument is invalid due to these errors:\n\n\t- Specified version to upgrade to "v1.34.3" is higher than the kubeadm version "v1.34.1". Upgrade kubeadm first using the tool you used to install kubeadm\n\nCan be bypassed if you pass the --force flag\nTo see the stack trace of this error execute with --v=5 or higher\n');
    expect(newerPatch.code).toBe(1);
    installKubeadm('1.34.3');
    const apply = await kubeadm('upgrade apply v1.34.3 --yes');
    expect(apply.code).toBe(0);
    expect(apply.out).toContain('[upgrade] SUCCESS! A control plane node of the cluster was upgraded to "v1.34.3".\n');
    expect(h.host.fs.readFile('/etc/kubernetes/manifests/kube-apiserver.yaml')).toContain('image: registry.k8s.io/kube-apiserver:v1.34.3\n');
    expect(h.host.fs.readFile('/etc/kubernetes/manifests/etcd.yaml')).toContain('image: registry.k8s.io/etcd:3.6.4-0\n');
    expect(apply.out).toContain('[upgrade/staticpods] Current and new manifests of etcd are equal, skipping upgrade\n');
    expect((await kubeadm('upgrade plan')).out).toContain('[upgrade/versions] Cluster version: v1.34.3\n');
  });

  it('upgrades a worker\'s kubelet configuration and resets a node', async () => {
    const { h, kubeadm } = await cluster();
    const node = await kubeadm('upgrade node', 'node01');
    expect(node.code).toBe(0);
    expect(node.out).toContain('[upgrade/preflight] Skipping prepull. Not a control plane node.\n[upgrade/control-plane] Skipping phase. Not a control plane node.\n');
    expect(node.out.endsWith("[upgrade] The configuration for this node was successfully upgraded!\n[upgrade] Now you should go ahead and upgrade the kubelet package using your package manager.\n")).toBe(true);
    const worker = h.world.mustHost('node01').fs;
    expect(worker.exists('/etc/kubernetes/kubelet.conf')).toBe(true);
    const reset = await kubeadm('reset -f', 'node01');
    expect(reset.code).toBe(0);
    expect(reset.out).toContain('[reset] Deleting files: [/etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/kubelet.conf /etc/kubernetes/bootstrap-kubelet.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf]\n');
    expect(worker.exists('/etc/kubernetes/kubelet.conf')).toBe(false);
    expect(worker.exists('/var/lib/kubelet/config.yaml')).toBe(false);
  });

  it('lists the images of a release', async () => {
    const { kubeadm } = await cluster();
    expect((await kubeadm('config images list --kubernetes-version v1.35.0')).out).toBe(
      'registry.k8s.io/kube-apiserver:v1.35.0\nregistry.k8s.io/kube-controller-manager:v1.35.0\nregistry.k8s.io/kube-scheduler:v1.35.0\nregistry.k8s.io/kube-proxy:v1.35.0\nregistry.k8s.io/coredns/coredns:v1.13.1\nregistry.k8s.io/pause:3.10.1\nregistry.k8s.io/etcd:3.6.6-0\n',
    );
  });
});

describe('kubeadm upgrade version policy', () => {
  // The findings of phases/upgrade/policy.go EnforceVersionPolicies, mandatory first
  it('refuses skipping a minor, going beyond kubeadm, or below what kubeadm supports', () => {
    expect(versionPolicy('v1.36.0', 'v1.34.3', 'v1.35.0', ['v1.34.3'])).toEqual({
      mandatory: [
        'Specified version to upgrade to "v1.36.0" is too high; kubeadm can upgrade only 1 minor version at a time',
        'Specified version to upgrade to "v1.36.0" is at least one minor release higher than the kubeadm minor release (36 > 35). Such an upgrade is not supported',
      ],
      skippable: ['There are kubelets in this cluster that are too old that have these versions [v1.34.3]'],
    });
    expect(versionPolicy('v1.33.0', 'v1.34.3', 'v1.34.3', [])).toEqual({ mandatory: [], skippable: ['Kubeadm version v1.34.3 can only be used to upgrade to Kubernetes version 1.34'] });
    expect(versionPolicy('v1.32.0', 'v1.34.3', 'v1.34.3', []).mandatory).toEqual([
      'Specified version to upgrade to "v1.32.0" is equal to or lower than the minimum supported version "v1.34.3". Please specify a higher version to upgrade to',
      'Specified version to downgrade to "v1.32.0" is too low; kubeadm can downgrade only 1 minor version at a time',
    ]);
    expect(versionPolicy('v1.35.0', 'v1.34.3', 'v1.35.0', ['v1.34.3', 'v1.34.3'])).toEqual({ mandatory: [], skippable: [] });
  });
});

describe('kubeadm prompts', () => {
  // cmdutil.InteractivelyConfirmAction: one line, "y" or "yes" in any case, nothing trimmed
  async function answer(typed: string[]) {
    const chunks = [...typed];
    let shown = '';
    const p = { stdout: { write: (s: string) => (shown += s) }, stdin: { read: async () => chunks.shift() ?? null } } as unknown as Process;
    return { ok: await confirmed(p, 'upgrade'), shown, left: chunks };
  }

  it('reads one line and leaves the next ones to the shell', async () => {
    expect(await answer(['YES\n', 'kubectl get nodes\n'])).toEqual({ ok: true, shown: '[upgrade] Are you sure you want to proceed? [y/N]: ', left: ['kubectl get nodes\n'] });
    expect((await answer(['n\n', 'y\n'])).ok).toBe(false);
    expect((await answer([' y\n'])).ok).toBe(false);
    expect((await answer([])).ok).toBe(false);
  });
});

describe('kubeadm 1.33 errors', () => {
  it('prints them without the "error: " prefix 1.34 added', async () => {
    const { kubeadm, installKubeadm } = await cluster();
    installKubeadm('1.33.7');
    expect((await kubeadm('certs renew nothing')).err).toBe('invalid subcommand: "nothing"\nTo see the stack trace of this error execute with --v=5 or higher\n');
  });
});
