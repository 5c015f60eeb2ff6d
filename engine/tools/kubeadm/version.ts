import type { Process } from '../../host/process.ts';
import { versionInfo } from '../../controlplane/version-info.ts';
import { fail, ownVersion } from './common.ts';

/** kubeadmVersion is `kubeadm version [-o short|json|yaml]`. */
export function kubeadmVersion(p: Process, output: string): number {
  const v = versionInfo(ownVersion(p));
  const info = { ...v, emulationMajor: '', emulationMinor: '', minCompatibilityMajor: '', minCompatibilityMinor: '' };
  switch (output) {
    case '':
      p.stdout.write(`kubeadm version: &version.Info{Major:"${info.major}", Minor:"${info.minor}", EmulationMajor:"", EmulationMinor:"", MinCompatibilityMajor:"", MinCompatibilityMinor:"", GitVersion:"${info.gitVersion}", GitCommit:"${info.gitCommit}", GitTreeState:"${info.gitTreeState}", BuildDate:"${info.buildDate}", GoVersion:"${info.goVersion}", Compiler:"${info.compiler}", Platform:"${info.platform}"}\n`);
      return 0;
    case 'short':
      p.stdout.write(`${info.gitVersion}\n`);
      return 0;
    case 'json':
      p.stdout.write(`{\n  "clientVersion": {\n${[
        ['major', info.major], ['minor', info.minor], ['gitVersion', info.gitVersion], ['gitCommit', info.gitCommit], ['gitTreeState', info.gitTreeState],
        ['buildDate', info.buildDate], ['goVersion', info.goVersion], ['compiler', info.compiler], ['platform', info.platform],
      ].map(([k, val]) => `    "${k}": "${val}"`).join(',\n')}\n  }\n}\n`);
      return 0;
    case 'yaml':
      p.stdout.write(`clientVersion:\n  buildDate: "${info.buildDate}"\n  compiler: gc\n  gitCommit: ${info.gitCommit}\n  gitTreeState: clean\n  gitVersion: ${info.gitVersion}\n  goVersion: ${info.goVersion}\n  major: "${info.major}"\n  minor: "${info.minor}"\n  platform: linux/amd64\n`);
      return 0;
    default:
      return fail(p, `invalid output format: ${output}`);
  }
}
