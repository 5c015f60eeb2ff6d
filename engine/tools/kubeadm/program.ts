import type { Process } from '../../host/process.ts';
import { parseFlags, type FlagSpec } from '../etcdctl/flags.ts';
import { controlPlaneImageTags } from '../../controlplane/images.ts';
import { initDefaults } from '../../controlplane/kubeadm/config.ts';
import { checkExpiration, renew } from './certs.ts';
import { fail, ownVersion, semver } from './common.ts';
import { kubeadmInit } from './init.ts';
import { kubeadmJoin } from './join.ts';
import { kubeadmReset } from './reset.ts';
import { DEFAULT_GROUP, tokenCreate, tokenDelete, tokenList } from './token.ts';
import { upgradePlan } from './plan.ts';
import { upgradeApply, upgradeNode } from './upgrade.ts';
import { kubeadmVersion } from './version.ts';
import { newCertificateKey, uploadCertsPhase } from './upload-certs.ts';
import { USAGE } from './usage.ts';

/** FLAGS is every flag of every kubeadm command this lab implements (checked per command below). */
const FLAGS: Record<string, FlagSpec> = {
  output: { kind: 'string', def: '', short: 'o' },
  v: { kind: 'string', def: '0' },
  kubeconfig: { kind: 'string', def: '/etc/kubernetes/admin.conf' },
  'print-join-command': { kind: 'bool', def: 'false' },
  ttl: { kind: 'string', def: '24h0m0s' },
  description: { kind: 'string', def: '' },
  groups: { kind: 'strings', def: DEFAULT_GROUP },
  usages: { kind: 'strings', def: 'signing,authentication' },
  yes: { kind: 'bool', def: 'false', short: 'y' },
  force: { kind: 'bool', def: 'false', short: 'f' },
  'certificate-renewal': { kind: 'bool', def: 'true' },
  'etcd-upgrade': { kind: 'bool', def: 'true' },
  'dry-run': { kind: 'bool', def: 'false' },
  'kubernetes-version': { kind: 'string', def: '' },
  'pod-network-cidr': { kind: 'string', def: '' },
  'service-cidr': { kind: 'string', def: '10.96.0.0/12' },
  'apiserver-advertise-address': { kind: 'string', def: '' },
  'control-plane-endpoint': { kind: 'string', def: '' },
  'node-name': { kind: 'string', def: '' },
  'cri-socket': { kind: 'string', def: '' },
  'ignore-preflight-errors': { kind: 'strings', def: '' },
  token: { kind: 'string', def: '' },
  'discovery-token-ca-cert-hash': { kind: 'strings', def: '' },
  'discovery-token-unsafe-skip-ca-verification': { kind: 'bool', def: 'false' },
  'upload-certs': { kind: 'bool', def: 'false' },
  'control-plane': { kind: 'bool', def: 'false' },
  'certificate-key': { kind: 'string', def: '' },
  'skip-certificate-key-print': { kind: 'bool', def: 'false' },
  config: { kind: 'string', def: '' },
  'allow-experimental-upgrades': { kind: 'bool', def: 'false' },
  'allow-release-candidate-upgrades': { kind: 'bool', def: 'false' },
  'skip-phases': { kind: 'strings', def: '' },
  'cleanup-tmp-dir': { kind: 'bool', def: 'false' },
  help: { kind: 'bool', def: 'false', short: 'h' },
};

const COMMON = ['v', 'help', 'kubeconfig'];

/** COMMANDS lists each command path with the flags it accepts. */
const COMMANDS: { path: string[]; flags: string[] }[] = [
  { path: ['version'], flags: ['output'] },
  { path: ['certs', 'check-expiration'], flags: ['config'] },
  { path: ['certs', 'renew'], flags: ['config'] },
  { path: ['token', 'create'], flags: ['print-join-command', 'ttl', 'description', 'groups', 'usages', 'config', 'certificate-key'] },
  { path: ['certs', 'certificate-key'], flags: [] },
  { path: ['init', 'phase', 'upload-certs'], flags: ['upload-certs', 'certificate-key', 'config', 'skip-certificate-key-print'] },
  { path: ['token', 'list'], flags: ['output'] },
  { path: ['token', 'delete'], flags: [] },
  { path: ['upgrade', 'plan'], flags: ['config', 'allow-experimental-upgrades', 'allow-release-candidate-upgrades', 'ignore-preflight-errors', 'output'] },
  { path: ['upgrade', 'apply'], flags: ['yes', 'force', 'certificate-renewal', 'etcd-upgrade', 'dry-run', 'config', 'ignore-preflight-errors', 'allow-experimental-upgrades', 'allow-release-candidate-upgrades'] },
  { path: ['upgrade', 'node'], flags: ['certificate-renewal', 'etcd-upgrade', 'dry-run', 'ignore-preflight-errors', 'skip-phases'] },
  { path: ['config', 'print', 'init-defaults'], flags: [] },
  { path: ['config', 'images', 'list'], flags: ['kubernetes-version', 'config', 'output'] },
  { path: ['init'], flags: ['kubernetes-version', 'pod-network-cidr', 'service-cidr', 'apiserver-advertise-address', 'control-plane-endpoint', 'node-name', 'cri-socket', 'ignore-preflight-errors', 'token', 'upload-certs', 'certificate-key', 'config', 'dry-run', 'skip-phases'] },
  { path: ['join'], flags: ['token', 'discovery-token-ca-cert-hash', 'discovery-token-unsafe-skip-ca-verification', 'control-plane', 'certificate-key', 'node-name', 'cri-socket', 'ignore-preflight-errors', 'config', 'apiserver-advertise-address', 'dry-run', 'skip-phases'] },
  { path: ['reset'], flags: ['force', 'cri-socket', 'ignore-preflight-errors', 'cleanup-tmp-dir', 'dry-run', 'skip-phases'] },
];

const GROUPS = new Set(['certs', 'token', 'upgrade', 'config', 'print', 'images', 'phase']);

/** runKubeadm is the kubeadm binary. */
export async function runKubeadm(p: Process): Promise<number> {
  const parsed = parseFlags(p.argv.slice(1), FLAGS);
  if ('error' in parsed) return fail(p, parsed.error);
  const words = parsed.args;
  const cmd = [...COMMANDS].sort((a, b) => b.path.length - a.path.length).find((c) => c.path.every((w, i) => words[i] === w));
  if (!cmd) {
    if (words.length === 0 || parsed.values.get('help') === 'true') {
      p.stdout.write(USAGE);
      return 0;
    }
    let depth = 0;
    while (depth < words.length && GROUPS.has(words[depth]!)) depth++;
    const group = words[depth - 1];
    // kubeadm's command groups run cmdutil.SubCmdRunE, which refuses to run alone; only a workflow's "phase" prints usage
    if (depth > 0 && group !== 'phase') {
      if (depth === words.length) return fail(p, `missing subcommand; "${group}" is not meant to be run on its own`);
      return fail(p, `invalid subcommand: "${words[depth]}"`);
    }
    if (depth > 0 && depth === words.length) {
      p.stdout.write(`Usage:\n  kubeadm ${words.join(' ')} [command]\n\nUse "kubeadm ${words.join(' ')} [command] --help" for more information about a command.\n`);
      return 0;
    }
    return fail(p, `unknown command "${words[depth]}" for "${['kubeadm', ...words.slice(0, depth)].join(' ')}"`);
  }
  for (const f of parsed.set) if (!COMMON.includes(f) && !cmd.flags.includes(f)) return fail(p, `unknown flag: --${f}`);
  const args = words.slice(cmd.path.length);
  const v = (n: string) => parsed.values.get(n) ?? '';
  const b = (n: string) => parsed.values.get(n) === 'true';
  switch (cmd.path.join(' ')) {
    case 'version':
      return kubeadmVersion(p, v('output'));
    case 'certs check-expiration':
      return checkExpiration(p);
    case 'certs renew':
      return renew(p, args);
    case 'token create':
      return tokenCreate(p, args, { ttl: v('ttl'), description: v('description'), printJoin: b('print-join-command'), groups: v('groups').split(','), usages: v('usages').split(','), certificateKey: v('certificate-key') });
    case 'certs certificate-key':
      p.stdout.write(`${newCertificateKey(p)}\n`);
      return 0;
    case 'init phase upload-certs':
      return uploadCertsPhase(p, { upload: b('upload-certs'), key: v('certificate-key'), skipPrint: b('skip-certificate-key-print') });
    case 'token list':
      return tokenList(p);
    case 'token delete':
      return tokenDelete(p, args);
    case 'upgrade plan':
      return upgradePlan(p);
    case 'upgrade apply':
      return upgradeApply(p, args, { yes: b('yes'), force: b('force'), certificateRenewal: b('certificate-renewal') });
    case 'upgrade node':
      return upgradeNode(p);
    case 'config print init-defaults':
      p.stdout.write(initDefaults(semver(ownVersion(p))[1]));
      return 0;
    case 'config images list': {
      const version = v('kubernetes-version') || `v${ownVersion(p)}`;
      const t = controlPlaneImageTags(version);
      const k = t.kubernetes;
      p.stdout.write(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'].map((c) => `registry.k8s.io/${c}:${k}\n`).join('') + `registry.k8s.io/coredns/coredns:${t.coredns}\nregistry.k8s.io/pause:${t.pause}\nregistry.k8s.io/etcd:${t.etcd}\n`);
      return 0;
    }
    case 'init':
      return kubeadmInit(p, {
        version: v('kubernetes-version'), podCidr: v('pod-network-cidr'), serviceCidr: v('service-cidr'), advertise: v('apiserver-advertise-address'), nodeName: v('node-name'),
        ignore: v('ignore-preflight-errors').split(',').filter((x) => x), controlPlaneEndpoint: v('control-plane-endpoint'), uploadCerts: b('upload-certs'), certificateKey: v('certificate-key'),
      });
    case 'join':
      return kubeadmJoin(p, args, {
        token: v('token'), caHashes: v('discovery-token-ca-cert-hash').split(',').filter((x) => x), unsafeSkip: b('discovery-token-unsafe-skip-ca-verification'),
        ignore: v('ignore-preflight-errors').split(',').filter((x) => x), controlPlane: b('control-plane'), certificateKey: v('certificate-key'), advertise: v('apiserver-advertise-address'), nodeName: v('node-name'),
      });
    case 'reset':
      return kubeadmReset(p, { force: b('force') });
  }
  return 0;
}
