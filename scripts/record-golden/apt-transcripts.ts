/**
 * Records what the real apt (apt-get, apt-cache, apt-mark, apt, dpkg) prints
 * for the Kubernetes package workflow, into engine/tools/apt/testdata/apt-transcripts.json.
 *
 * It builds small .deb packages named and versioned like pkgs.k8s.io's
 * (kubeadm, kubectl, kubelet, cri-tools, kubernetes-cni for v1.34 and v1.35),
 * serves them as two signed flat repositories on 127.0.0.1, and drives apt in
 * a private root (-o Dir=…, dpkg --root) so the machine's own packages are
 * untouched. Outputs are stored with three mechanical substitutions: the local
 * URL becomes https://pkgs.k8s.io, the private root prefix is dropped, and
 * "\r\n" (apt runs dpkg on a pty) becomes "\n". Debian's "debconf: delaying
 * package configuration" line (no apt-utils in the recording machine) is dropped.
 *
 * Needs: apt, dpkg-deb, dpkg-scanpackages, gpg, gzip, xz, python3. Run as root:
 *   node --import tsx scripts/record-golden/apt-transcripts.ts
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(import.meta.dirname, '..', '..', 'engine/tools/apt/testdata/apt-transcripts.json');
const tmp = mkdtempSync(join(tmpdir(), 'apt-golden-'));
const PORT = 18000 + (process.pid % 1000);
const gnupg = join(tmp, 'gnupg');
mkdirSync(gnupg, { mode: 0o700 });
const env = { ...process.env, GNUPGHOME: gnupg, LC_ALL: 'C', DEBIAN_FRONTEND: 'noninteractive' };
const sh = (cmd: string, args: string[], cwd?: string) => execFileSync(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });

const DESC: Record<string, string> = {
  kubeadm: 'Command-line utility for administering a Kubernetes cluster',
  kubectl: 'Command-line utility for interacting with a Kubernetes cluster',
  kubelet: 'Node agent for Kubernetes clusters',
  'cri-tools': 'Command-line utility for interacting with a container runtime',
  'kubernetes-cni': 'Binaries required to provision kubernetes container networking',
};
const DEPS: Record<string, string> = { kubeadm: 'cri-tools (>= 1.30.0)', kubelet: 'kubernetes-cni (>= 1.1.1)' };

function deb(repo: string, name: string, version: string): void {
  const d = join(tmp, 'build', `${name}_${version}`);
  mkdirSync(join(d, 'DEBIAN'), { recursive: true });
  mkdirSync(join(d, 'usr/bin'), { recursive: true });
  writeFileSync(join(d, 'usr/bin', name), `#!/bin/sh\necho ${name} ${version}\n`);
  chmodSync(join(d, 'usr/bin', name), 0o755);
  const deps = DEPS[name] ? `Depends: ${DEPS[name]}\n` : '';
  writeFileSync(join(d, 'DEBIAN/control'), `Package: ${name}\nVersion: ${version}\nArchitecture: amd64\nMaintainer: Kubernetes Authors <dev@kubernetes.io>\nSection: admin\nPriority: optional\nHomepage: https://kubernetes.io\n${deps}Description: ${DESC[name]}\n ${DESC[name]}.\n`);
  sh('dpkg-deb', ['-Zgzip', '--build', d, repo]);
}

sh('gpg', ['--batch', '--passphrase', '', '--quick-gen-key', 'kubelab recorder <recorder@example.invalid>', 'rsa2048', 'sign', 'never']);
writeFileSync(join(tmp, 'key.gpg'), sh('gpg', ['--export']));
for (const minor of ['34', '35']) {
  const repo = join(tmp, 'www', 'core:', 'stable:', `v1.${minor}`, 'deb');
  mkdirSync(repo, { recursive: true });
  const patches = minor === '34' ? [0, 1, 2, 3] : [0];
  for (const p of patches) for (const n of ['kubeadm', 'kubectl', 'kubelet']) deb(repo, n, `1.${minor}.${p}-1.1`);
  deb(repo, 'cri-tools', `1.${minor}.0-1.1`);
  deb(repo, 'kubernetes-cni', '1.7.1-1.1');
  writeFileSync(join(repo, 'Packages'), sh('dpkg-scanpackages', ['-m', '.'], repo));
  sh('gzip', ['-kf', 'Packages'], repo);
  sh('xz', ['-kf', 'Packages'], repo);
  const sums = ['Packages', 'Packages.gz', 'Packages.xz'].map((f) => {
    const data = readFileSync(join(repo, f));
    const hash = execFileSync('sha256sum', [join(repo, f)]).toString().split(' ')[0];
    return ` ${hash} ${data.length} ${f}`;
  });
  writeFileSync(join(repo, 'Release'), `Date: Mon, 05 Jan 2026 09:00:00 UTC\nSHA256:\n${sums.join('\n')}\n`);
  sh('gpg', ['--batch', '--yes', '--clearsign', '-o', 'InRelease', 'Release'], repo);
}

const root = join(tmp, 'root');
for (const d of ['etc/apt/sources.list.d', 'etc/apt/preferences.d', 'etc/apt/apt.conf.d', 'var/lib/dpkg/info', 'var/lib/dpkg/updates', 'var/cache/apt/archives/partial', 'var/lib/apt/lists/partial', 'var/log/apt']) mkdirSync(join(root, d), { recursive: true });
writeFileSync(join(root, 'var/lib/dpkg/status'), '');
writeFileSync(join(root, 'var/lib/dpkg/available'), '');
writeFileSync(join(root, 'etc/apt/sources.list'), '');
const source = (minor: string) => writeFileSync(join(root, 'etc/apt/sources.list.d/kubernetes.list'), `deb [signed-by=${join(tmp, 'key.gpg')}] http://127.0.0.1:${PORT}/core:/stable:/v1.${minor}/deb/ /\n`);
source('34');
const A = [`-o`, `Dir=${root}`, '-o', `Dir::State::status=${root}/var/lib/dpkg/status`, '-o', `DPkg::Options::=--root=${root}`, '-o', `DPkg::Options::=--admindir=${root}/var/lib/dpkg`,
  '-o', 'DPkg::Options::=--force-script-chrootless', '-o', `DPkg::Options::=--log=${root}/var/log/dpkg.log`, '-o', 'Debug::NoLocking=1', '-o', 'APT::Sandbox::User=root', '-o', `Dir::Log=${root}/var/log/apt`];
const DPKG = [`--root=${root}`, `--admindir=${root}/var/lib/dpkg`];

const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1'], { cwd: join(tmp, 'www'), stdio: 'ignore' });
spawnSync('sleep', ['1']);

function clean(s: string): string {
  return s.replaceAll(`http://127.0.0.1:${PORT}`, 'https://pkgs.k8s.io').replaceAll(root, '').replaceAll(join(tmp, 'key.gpg'), '/etc/apt/keyrings/kubernetes-apt-keyring.gpg')
    .replace(/\r\n/g, '\n').replace(/^debconf: delaying package configuration, since apt-utils is not installed\n/m, '');
}

interface Step { name: string; argv: string[]; stdin?: string; stdout: string; stderr: string; code: number }
const steps: Step[] = [];
function run(name: string, tool: string, args: string[], opts: { input?: string; dpkg?: boolean } = {}): void {
  const full = opts.dpkg ? [...DPKG, ...args] : [...A, ...args];
  const r = spawnSync(tool, full, { env, input: opts.input ?? '' });
  steps.push({ name, argv: [tool, ...args], ...(opts.input !== undefined ? { stdin: opts.input } : {}), stdout: clean(r.stdout.toString()), stderr: clean(r.stderr.toString()), code: r.status ?? 1 });
}

try {
  run('update-fresh', 'apt-get', ['update']);
  run('update-hit', 'apt-get', ['update']);
  run('install-new', 'apt-get', ['install', '-y', 'kubeadm=1.34.2-1.1', 'kubectl=1.34.2-1.1']);
  run('mark-hold', 'apt-mark', ['hold', 'kubeadm', 'kubectl']);
  run('mark-hold-again', 'apt-mark', ['hold', 'kubeadm']);
  run('showhold', 'apt-mark', ['showhold']);
  run('install-held', 'apt-get', ['install', '-y', 'kubeadm=1.34.3-1.1']);
  run('install-held-prompt', 'apt-get', ['install', 'kubeadm=1.34.3-1.1'], { input: '' });
  run('version-missing', 'apt-get', ['install', '-y', 'kubeadm=1.99.0-1.1']);
  run('unknown-package', 'apt-get', ['install', '-y', 'nopkg']);
  run('already-newest', 'apt-get', ['install', '-y', 'kubeadm=1.34.2-1.1']);
  run('madison', 'apt-cache', ['madison', 'kubeadm']);
  run('policy', 'apt-cache', ['policy', 'kubeadm']);
  run('upgrade-held-allowed', 'apt-get', ['install', '-y', '--allow-change-held-packages', 'kubeadm=1.34.3-1.1']);
  source('35');
  run('policy-before-update', 'apt-cache', ['policy', 'kubeadm']);
  run('update-next-minor', 'apt-get', ['update']);
  run('policy-next-minor', 'apt-cache', ['policy', 'kubeadm']);
  run('madison-next-minor', 'apt-cache', ['madison', 'kubeadm']);
  run('unhold', 'apt-mark', ['unhold', 'kubeadm']);
  run('unhold-again', 'apt-mark', ['unhold', 'kubeadm']);
  run('dpkg-l', 'dpkg', ['-l'], { dpkg: true });
  run('dpkg-l-missing', 'dpkg', ['-l', 'kubeadm', 'nosuch'], { dpkg: true });
  run('apt-list-installed', 'apt', ['list', '--installed']);
  run('remove', 'apt-get', ['remove', '-y', 'kubectl']);
} finally {
  server.kill();
}
writeFileSync(out, JSON.stringify(steps, null, 2) + '\n');
console.log(`recorded ${out} (${steps.length} steps)`);
rmSync(tmp, { recursive: true, force: true });
void symlinkSync;
