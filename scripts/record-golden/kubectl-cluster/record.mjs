// Records what the real kubectl 1.33 prints for the commands that need no
// cluster: --help of the cluster, auth and config commands, the root help,
// `kubectl options`, the completion headers, unknown command and flag errors,
// and every `kubectl config` subcommand run against a temporary kubeconfig
// (stdout, stderr, exit code and the kubeconfig files afterwards).
//
//   node scripts/record-golden/kubectl-cluster/record.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KUBECTL, save } from '../lib.mjs';

const root = new URL('../../../engine/tools/kubectl/', import.meta.url).pathname;

/** run runs the real kubectl with HOME set to home and returns its output with home shown as /root. */
function run(args, home, env = {}) {
  const p = spawnSync(KUBECTL, args, { env: { PATH: '/usr/bin:/bin', HOME: home, ...env }, encoding: 'utf8' });
  const r = { stdout: p.stdout ?? '', stderr: p.stderr ?? '', code: p.status ?? 1 };
  return { argv: args, stdout: r.stdout.replaceAll(home, '/root'), stderr: r.stderr.replaceAll(home, '/root'), code: r.code };
}

const home = mkdtempSync(join(tmpdir(), 'kubectl-golden-'));
mkdirSync(join(home, '.kube'));

// --- help texts -------------------------------------------------------------
const HELP = [
  [], ['options'], ['config'], ['config', 'view'], ['config', 'get-contexts'], ['config', 'current-context'], ['config', 'use-context'],
  ['config', 'set-context'], ['config', 'get-clusters'], ['config', 'get-users'], ['config', 'set-cluster'], ['config', 'set-credentials'],
  ['config', 'delete-context'], ['config', 'delete-cluster'], ['config', 'delete-user'], ['config', 'rename-context'], ['config', 'set'], ['config', 'unset'],
  ['auth'], ['auth', 'can-i'], ['auth', 'whoami'], ['auth', 'reconcile'], ['certificate'], ['certificate', 'approve'], ['certificate', 'deny'],
  ['taint'], ['cordon'], ['uncordon'], ['drain'], ['logs'], ['exec'], ['wait'], ['completion'], ['cp'], ['port-forward'], ['proxy'], ['explain'], ['attach'],
  ['help'], ['alpha'],
];
const help = {};
for (const path of HELP) help[path.join(' ')] = run([...path, '--help'], home).stdout;
save(join(root, 'cmd/root/testdata/help.json'), JSON.stringify(help, null, 2) + '\n');

// --- root behaviour: bare kubectl, unknown commands and flags, completion headers ---
const ROOT_CASES = [
  [], ['options'], ['gett'], ['confg'], ['xyz'], ['config', 'vew'], ['auth', 'cani'], ['get', '--foo'], ['config', 'view', '--bogus'], ['--bogus'],
  ['cordon'], ['uncordon'], ['taint'], ['drain'], ['certificate', 'approve'], ['exec'], ['logs'], ['wait'], ['completion'], ['completion', 'tcsh'],
  ['auth', 'can-i'], ['auth', 'can-i', 'get'], ['cp'], ['cp', 'a'], ['port-forward'], ['explain'], ['attach'], ['attach', 'a', 'b', 'c'],
  ['help'], ['help', 'cordon'], ['help', 'cordon', 'node01'], ['help', 'create', 'deploy'], ['help', 'config', 'nope'], ['help', 'foo'], ['help', 'foo', 'bar'], ['help', '--foo'],
  ['alpha'], ['alpha', 'foo'], ['alpha', '--foo'],
];
const rootCases = ROOT_CASES.map((a) => run(a, home, { KUBECONFIG: '/nonexistent/kubeconfig' }));
for (const shell of ['bash', 'zsh']) {
  const r = run(['completion', shell], home);
  rootCases.push({ ...r, stdout: r.stdout.split('\n').slice(0, 20).join('\n') + '\n', truncated: 20 });
}
save(join(root, 'cmd/root/testdata/cases.json'), JSON.stringify(rootCases, null, 2) + '\n');

// --- kubectl config against temporary kubeconfigs ------------------------------
const BASE = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: Q0EgREFUQQo=
    server: https://controlplane:6443
  name: kubernetes
- cluster:
    insecure-skip-tls-verify: true
    server: https://10.0.0.5:6443
  name: staging
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
- context:
    cluster: staging
    namespace: dev
    user: dev
  name: dev@staging
current-context: kubernetes-admin@kubernetes
users:
- name: kubernetes-admin
  user:
    client-certificate-data: Q0VSVCBEQVRBCg==
    client-key-data: S0VZIERBVEEK
- name: dev
  user:
    token: abc123
preferences: {}
`;
const SECOND = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://192.168.1.20:6443
  name: lab
contexts:
- context:
    cluster: lab
    user: student
  name: student@lab
- context:
    cluster: lab
    user: other
  name: dev@staging
current-context: student@lab
users:
- name: student
  user:
    token: s3cret
`;

/** Each scenario starts from fresh files and runs its steps in order. */
const SCENARIOS = {
  view: [['view'], ['view', '--raw'], ['view', '--minify'], ['view', '--minify', '--raw'], ['view', '--minify', '--context', 'dev@staging'], ['view', '-o', 'json'],
    ['view', '-o', 'jsonpath={.contexts[*].name}'], ['view', '-o', "jsonpath={.users[?(@.name=='dev')].user.token}"], ['view', '--flatten'], ['view', '-o', 'name'], ['view', 'extra'], ['view', '--minify', '--context', 'nope']],
  read: [['get-contexts'], ['get-contexts', 'dev@staging'], ['get-contexts', 'nope'], ['get-contexts', '-o', 'name'], ['get-contexts', '--no-headers'], ['get-contexts', '-o', 'wide'],
    ['current-context'], ['get-clusters'], ['get-users'], ['get-contexts', '--context', 'dev@staging']],
  use: [['use-context', 'dev@staging'], ['current-context'], ['get-contexts'], ['use-context', 'nope'], ['use-context'], ['use', 'kubernetes-admin@kubernetes']],
  setContext: [['set-context', '--current', '--namespace=kube-system'], ['get-contexts'], ['set-context', 'dev@staging', '--namespace=prod'], ['set-context', 'new', '--cluster=kubernetes', '--user=dev'],
    ['set-context', 'dev@staging', '--user=kubernetes-admin', '--cluster=kubernetes'], ['set-context'], ['set-context', 'a', 'b'], ['set-context', '--current', 'x'], ['view']],
  setCluster: [['set-cluster', 'c1', '--server=https://1.2.3.4:6443'], ['set-cluster', 'staging', '--insecure-skip-tls-verify=false'], ['set-cluster', 'kubernetes', '--server=https://cp:6443'],
    ['set-cluster', 'c2', '--certificate-authority=/etc/kubernetes/pki/ca.crt'], ['set-cluster', 'c3', '--tls-server-name=kube'], ['set-cluster'], ['get-clusters'], ['view']],
  setCredentials: [['set-credentials', 'u1', '--token=xyz'], ['set-credentials', 'u2', '--client-certificate=/tmp/u.crt', '--client-key=/tmp/u.key'], ['set-credentials', 'dev', '--username=a', '--password=b'],
    ['set-credentials', 'u3', '--token=x', '--username=y'], ['set-credentials'], ['get-users'], ['view']],
  embed: [['set-credentials', 'u1', '--embed-certs'], ['set-credentials', 'u1', '--embed-certs', '--client-key=/nonexistent/u.key'], ['set-cluster', 'c1', '--embed-certs'],
    ['set-cluster', 'c1', '--embed-certs', '--server=https://x:6443'], ['set-cluster', 'c1', '--certificate-authority=/nonexistent/ca.crt', '--insecure-skip-tls-verify'],
    ['set-cluster', 'c1', '--certificate-authority=/nonexistent/ca.crt', '--embed-certs'], ['set-cluster', 'c1', '--insecure-skip-tls-verify', '--embed-certs'], ['get-clusters'], ['get-users']],
  delete: [['delete-context', 'dev@staging'], ['delete-context', 'nope'], ['delete-context', 'kubernetes-admin@kubernetes'], ['delete-context'], ['delete-cluster', 'staging'], ['delete-cluster', 'nope'],
    ['delete-user', 'dev'], ['delete-user', 'nope'], ['delete-user'], ['delete-cluster'], ['view']],
  rename: [['rename-context', 'dev@staging', 'prod'], ['rename-context', 'nope', 'x'], ['rename-context', 'prod', 'kubernetes-admin@kubernetes'], ['rename-context', 'kubernetes-admin@kubernetes', 'admin'],
    ['rename-context', 'x'], ['current-context'], ['get-contexts']],
  setUnset: [['set', 'contexts.dev@staging.namespace', 'foo'], ['set', 'current-context', 'dev@staging'], ['set', 'clusters.new.server', 'https://x:6443'], ['set', 'users.dev.token', 'tok'],
    ['set', 'foo.bar', 'x'], ['set', 'clusters.staging.insecure-skip-tls-verify', 'maybe'], ['set', 'clusters.staging.certificate-authority-data', 'hello', '--set-raw-bytes=true'], ['set', 'x'],
    ['unset', 'contexts.dev@staging.namespace'], ['unset', 'users.dev'], ['unset', 'current-context'], ['unset', 'nothing.here'], ['unset'], ['view']],
  empty: [['current-context'], ['get-contexts'], ['view'], ['get-clusters'], ['get-users'], ['use-context', 'x'], ['set-context', 'a', '--cluster=b'], ['view']],
};

function scenario(name, steps, files, env) {
  const dir = join(home, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const [f, text] of Object.entries(files)) if (text !== null) writeFileSync(join(dir, f), text);
  const e = { KUBECONFIG: Object.keys(files).map((f) => join(dir, f)).join(':'), ...env };
  const results = steps.map((s) => run(['config', ...s], home, e));
  const after = {};
  for (const f of Object.keys(files)) after[f] = existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : null;
  return { name, files, results: results.map((r) => ({ ...r, stdout: r.stdout.replaceAll(dir, '/root/.kube'), stderr: r.stderr.replaceAll(dir, '/root/.kube') })), after };
}

const out = [];
for (const [name, steps] of Object.entries(SCENARIOS)) out.push(scenario(name, steps, { config: name === 'empty' ? null : BASE }));
out.push(scenario('merged', [['get-contexts'], ['current-context'], ['view'], ['use-context', 'student@lab'], ['set-context', 'dev@staging', '--namespace=x'], ['set-context', 'brandnew', '--cluster=lab'],
  ['set-context', 'student@lab', '--namespace=y'], ['delete-context', 'dev@staging'], ['get-clusters']], { config: BASE, second: SECOND }));
out.push(scenario('mergedMissingFirst', [['set-context', 'x', '--cluster=y'], ['get-contexts']], { none: null, config: SECOND }));
save(join(root, 'cmd/config/testdata/config.json'), JSON.stringify(out, null, 2) + '\n');
rmSync(home, { recursive: true, force: true });
