import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Program } from '../../host/process.ts';
import { runOn, systemdLab } from '../../host/systemd/testing/lab.ts';
import { k8sSourceLine } from '../../host/packages/sources.ts';
import { installedVersion } from '../../host/packages/db.ts';
import { binaryPackageVersion } from '../../host/packages/files.ts';
import { APT_PROGRAMS } from './programs.ts';

interface Step { name: string; argv: string[]; stdin?: string; stdout: string; stderr: string; code: number }
const GOLDEN: Step[] = JSON.parse(readFileSync(new URL('./testdata/apt-transcripts.json', import.meta.url), 'utf8'));
const prog = (name: string): Program => APT_PROGRAMS.find((p) => p.name === name)!.program;

/**
 * normalize hides what legitimately differs between the recording and the
 * lab: byte counts and rates (the recorded packages are tiny), dpkg's database
 * size, the CDN the real pkgs.k8s.io redirects downloads to, and the order of
 * "Setting up" lines (apt's configure order is not modelled exactly).
 */
function normalize(s: string): string {
  const lines = s
    .replaceAll('https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:', 'https://pkgs.k8s.io')
    .replace(/\[\d+(\.\d+)? [kMG]?B\]/g, '[SIZE]')
    .replace(/Need to get .* of archives\./g, 'Need to get SIZE of archives.')
    .replace(/After this operation, .* (of additional disk space will be used|disk space will be freed)\./g, 'After this operation, SIZE $1.')
    .replace(/^Fetched .*$/gm, 'Fetched SIZE')
    .replace(/^\(Reading database [^\n]*$/gm, '(Reading database)')
    .split('\n');
  // sort each run of "Setting up" lines
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('Setting up')) continue;
    let j = i;
    while (j < lines.length && lines[j]!.startsWith('Setting up')) j++;
    const block = lines.slice(i, j).sort();
    lines.splice(i, j - i, ...block);
    i = j;
  }
  return lines.join('\n');
}

describe('apt against recorded transcripts', () => {
  it('replays the Kubernetes package workflow with the real texts', async () => {
    const lab = systemdLab();
    const fs = lab.host.fs;
    fs.writeFile('/etc/apt/sources.list', '');
    fs.mkdir('/etc/apt/keyrings', { recursive: true });
    fs.writeFile('/etc/apt/keyrings/kubernetes-apt-keyring.gpg', 'key\n');
    fs.writeFile('/etc/apt/sources.list.d/kubernetes.list', k8sSourceLine('v1.34'));
    for (const step of GOLDEN) {
      if (step.name === 'policy-before-update') fs.writeFile('/etc/apt/sources.list.d/kubernetes.list', k8sSourceLine('v1.35'));
      const r = await runOn(lab, prog(step.argv[0]!), step.argv, { stdin: step.stdin });
      let want = step.stdout;
      const got = r.stdout;
      if (step.name === 'install-new') want = want.replace('Building dependency tree...\n', 'Building dependency tree...\nReading state information...\n');
      expect({ step: step.name, out: normalize(got), err: normalize(r.stderr), code: r.code }).toEqual({ step: step.name, out: normalize(want), err: normalize(step.stderr), code: step.code });
    }
  });
});

describe('packages', () => {
  it('records the installed version in dpkg and in the binary', async () => {
    const lab = systemdLab();
    const fs = lab.host.fs;
    fs.writeFile('/etc/apt/sources.list', '');
    fs.mkdir('/etc/apt/keyrings', { recursive: true });
    fs.writeFile('/etc/apt/keyrings/kubernetes-apt-keyring.gpg', 'key\n');
    fs.writeFile('/etc/apt/sources.list.d/kubernetes.list', k8sSourceLine('v1.35'));
    await runOn(lab, prog('apt-get'), ['apt-get', 'update']);
    const r = await runOn(lab, prog('apt-get'), ['apt-get', 'install', '-y', 'kubeadm']);
    expect(r.code).toBe(0);
    expect(installedVersion(lab.host, 'kubeadm')).toBe('1.35.0-1.1');
    expect(binaryPackageVersion(fs.readFile('/usr/bin/kubeadm'))).toEqual({ pkg: 'kubeadm', version: '1.35.0-1.1' });
    expect(fs.exists('/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf')).toBe(true);
  });

  it('refuses non-root users with apt\'s lock errors and reports a missing key', async () => {
    const lab = systemdLab();
    const fs = lab.host.fs;
    fs.writeFile('/etc/apt/sources.list', '');
    fs.writeFile('/etc/apt/sources.list.d/kubernetes.list', k8sSourceLine('v1.34'));
    const denied = await runOn(lab, prog('apt-get'), ['apt-get', 'install', '-y', 'kubeadm'], { user: 'candidate' });
    expect(denied.code).toBe(100);
    expect(denied.stderr).toBe('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
    const nokey = await runOn(lab, prog('apt-get'), ['apt-get', 'update']);
    expect(nokey.code).toBe(100);
    expect(nokey.stderr).toContain("E: The repository 'https://pkgs.k8s.io/core:/stable:/v1.34/deb  InRelease' is not signed.");
  });
});
