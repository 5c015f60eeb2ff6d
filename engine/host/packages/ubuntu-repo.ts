import type { PackageInfo, Repo } from './types.ts';

/**
 * The Ubuntu 22.04 archive, cut down to the packages a Kubernetes node
 * needs, plus Docker's and Helm's repositories. Versions are those of early 2026.
 */

const UBUNTU = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';

function p(name: string, version: string, section: string, installedSize: number, size: number, description: string, depends?: string, arch = 'amd64', priority = 'optional'): PackageInfo {
  return { name, version, architecture: arch, section, priority, maintainer: UBUNTU, installedSize, size, description, depends };
}

/** BASE_PACKAGES are installed on every lab host (a trimmed Ubuntu server). */
export const BASE_PACKAGES: PackageInfo[] = [
  p('apt', '2.4.14', 'admin', 4156, 1380000, 'commandline package manager', undefined, 'amd64', 'important'),
  p('apt-transport-https', '2.4.14', 'admin', 169, 1510, 'transitional package for https support', undefined, 'all'),
  p('bash', '5.1-6ubuntu1.1', 'shells', 1864, 769000, 'GNU Bourne Again SHell', undefined, 'amd64', 'required'),
  p('bash-completion', '1:2.11-5ubuntu1', 'shells', 1466, 180000, 'programmable completion for the bash shell', undefined, 'all'),
  p('ca-certificates', '20240203~22.04.1', 'misc', 389, 162000, 'Common CA certificates', undefined, 'all', 'important'),
  p('coreutils', '8.32-4.1ubuntu1.2', 'utils', 7112, 1437000, 'GNU core utilities', undefined, 'amd64', 'required'),
  p('curl', '7.81.0-1ubuntu1.21', 'web', 453, 194000, 'command line tool for transferring data with URL syntax'),
  p('gpg', '2.2.27-3ubuntu2.4', 'utils', 1052, 519000, 'GNU Privacy Guard -- minimalist public key operations'),
  p('iproute2', '5.15.0-1ubuntu2', 'net', 3284, 1075000, 'networking and traffic control tools', undefined, 'amd64', 'important'),
  p('iptables', '1.8.7-1ubuntu5.2', 'net', 2917, 455000, 'administration tools for packet filtering and NAT'),
  p('mount', '2.37.2-4ubuntu3.4', 'admin', 423, 134000, 'tools for mounting and manipulating filesystems', undefined, 'amd64', 'required'),
  p('openssl', '3.0.2-0ubuntu1.20', 'utils', 2072, 1186000, 'Secure Sockets Layer toolkit - cryptographic utility'),
  p('procps', '2:3.3.17-6ubuntu2.1', 'admin', 1352, 378000, '/proc file system utilities', undefined, 'amd64', 'important'),
  p('sudo', '1.9.9-1ubuntu2.5', 'admin', 2504, 820000, 'Provide limited super user privileges to specific users'),
  p('systemd', '249.11-0ubuntu3.16', 'admin', 14240, 4582000, 'system and service manager', undefined, 'amd64', 'important'),
  p('util-linux', '2.37.2-4ubuntu3.4', 'utils', 3399, 1163000, 'miscellaneous system utilities', undefined, 'amd64', 'required'),
  p('vim', '2:8.2.3995-1ubuntu2.24', 'editors', 3868, 1735000, 'Vi IMproved - enhanced vi editor'),
];

/** ARCHIVE_EXTRA are packages the archive offers that a fresh host does not have. */
const ARCHIVE_EXTRA: PackageInfo[] = [
  p('conntrack', '1:1.4.6-2build2', 'net', 113, 33500, 'Program to modify the conntrack tables'),
  p('containerd', '1.7.28-0ubuntu1~22.04.1', 'admin', 150000, 38_100_000, 'daemon to control runC', 'runc (>= 1.1.0)'),
  p('ebtables', '2.0.11-4build2', 'net', 60, 84900, 'Ethernet bridge frame table administration'),
  p('etcd-client', '3.3.25+dfsg-7ubuntu0.22.04.2', 'net', 27000, 5_300_000, 'highly-available key value store -- client'),
  p('ethtool', '1:5.16-1ubuntu0.2', 'net', 725, 207000, 'display or change Ethernet device settings'),
  p('jq', '1.6-2.1ubuntu3.1', 'utils', 102, 52500, 'lightweight and flexible command-line JSON processor', 'libjq1 (= 1.6-2.1ubuntu3.1)'),
  p('libjq1', '1.6-2.1ubuntu3.1', 'libs', 357, 133000, 'lightweight and flexible command-line JSON processor - shared library'),
  p('nfs-common', '1:2.6.1-1ubuntu1.2', 'net', 1084, 241000, 'NFS support files common to client and server'),
  p('runc', '1.3.3-0ubuntu1~22.04.2', 'admin', 30000, 8_900_000, 'Open Container Project - runtime'),
  p('socat', '1.7.4.1-3ubuntu4', 'net', 1236, 349000, 'multipurpose relay for bidirectional data transfer'),
];

/** ubuntuRepos are the default archive sources of /etc/apt/sources.list. */
export function ubuntuRepos(): Repo[] {
  const mk = (uri: string, suite: string, packages: PackageInfo[], releaseSize: number, pin = 500): Repo => ({
    uri, suite, components: ['main', 'restricted', 'universe', 'multiverse'], fetchBase: uri.replace(/\/$/, ''), packages, releaseSize, pin,
  });
  return [
    mk('http://archive.ubuntu.com/ubuntu/', 'jammy', [], 270087),
    mk('http://archive.ubuntu.com/ubuntu/', 'jammy-updates', [...BASE_PACKAGES, ...ARCHIVE_EXTRA], 128455),
    mk('http://archive.ubuntu.com/ubuntu/', 'jammy-backports', [], 127479, 100),
    mk('http://security.ubuntu.com/ubuntu/', 'jammy-security', [], 129357),
  ];
}

/** OTHER_REPOS are third-party repositories the lab can add: Docker's and Helm's. */
export function otherRepo(uri: string, suite: string): Repo | undefined {
  const u = uri.replace(/\/$/, '');
  if (u === 'https://download.docker.com/linux/ubuntu' && suite === 'jammy') {
    return {
      uri, suite, components: ['stable'], fetchBase: u, releaseSize: 48845, pin: 500,
      packages: [{ name: 'containerd.io', version: '1.7.28-1~ubuntu.22.04~jammy', architecture: 'amd64', section: 'devel', priority: 'optional', maintainer: 'Containerd team <help@containerd.io>', installedSize: 120000, size: 30_500_000, description: 'An open and reliable container runtime', depends: 'libc6 (>= 2.34)' }],
    };
  }
  if (u === 'https://baltocdn.com/helm/stable/debian' && suite === 'all') {
    return {
      uri, suite, components: ['main'], fetchBase: u, releaseSize: 2712, pin: 500,
      packages: [{ name: 'helm', version: '3.19.4-1', architecture: 'amd64', section: 'default', priority: 'extra', maintainer: 'Matt Farina <matt@mattfarina.com>', installedSize: 59000, size: 18_000_000, description: 'The Kubernetes Package Manager' }],
    };
  }
  return undefined;
}
