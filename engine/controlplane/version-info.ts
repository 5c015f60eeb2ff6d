import type { VersionInfo } from '../apiserver/handlers/nonresource.ts';

/**
 * Build facts of a Kubernetes release, as `kubectl version`, `kubeadm
 * version` and /version print them. v1.35.0's are the published ones; the
 * other patches get stable, plausible values (a commit hash derived from the
 * version, a build date that moves with the patch).
 */
const KNOWN: Record<string, { commit: string; date: string; go: string }> = {
  '1.35.0': { commit: '66452049f3d692768c39c797b21b793dce80314e', date: '2025-12-17T12:32:07Z', go: 'go1.25.5' },
};

const GO_BY_MINOR: Record<number, string> = { 32: 'go1.23.12', 33: 'go1.24.9', 34: 'go1.24.11', 35: 'go1.25.5' };

function hex40(seed: string): string {
  let h = 2166136261;
  let out = '';
  while (out.length < 40) {
    for (const c of seed + out.length) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

/** versionInfo is the version.Info of a release "1.34.3" (without "v"). */
export function versionInfo(version: string): VersionInfo {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  const known = KNOWN[version];
  const month = ((minor - 30) * 4 + patch) % 12;
  const date = known?.date ?? `${2025 + Math.floor(((minor - 30) * 4 + patch) / 12)}-${String(month + 1).padStart(2, '0')}-${String(10 + (patch % 18)).padStart(2, '0')}T14:${String(10 + minor).padStart(2, '0')}:${String(20 + patch).padStart(2, '0')}Z`;
  return {
    major: String(major),
    minor: String(minor),
    emulationMajor: String(major),
    emulationMinor: String(minor),
    minCompatibilityMajor: String(major),
    minCompatibilityMinor: String(minor - 1),
    gitVersion: `v${version}`,
    gitCommit: known?.commit ?? hex40(`kubernetes-${version}`),
    gitTreeState: 'clean',
    buildDate: date,
    goVersion: known?.go ?? GO_BY_MINOR[minor] ?? 'go1.24.11',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
