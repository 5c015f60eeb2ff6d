import { infoOf, packagesStanza, parseStanzas } from './stanza.ts';
import type { PackageInfo } from './types.ts';

/**
 * A .deb in the lab is an ar archive header followed by the control data in
 * plain text, so `dpkg -i ./cri-dockerd_….deb` and `apt-get install ./x.deb`
 * can read what the package is; the payload is the lab's package file table.
 */
const HEADER = '!<arch>\ndebian-binary   1700000000  0     0     100644  4         `\n2.0\n';

/** debFileContent builds the file content of a local package. */
export function debFileContent(p: PackageInfo): string {
  return `${HEADER}control\n${packagesStanza(p)}`;
}

/** CRI_DOCKERD is Mirantis' cri-dockerd package as its GitHub release ships it for jammy. */
export const CRI_DOCKERD: PackageInfo = {
  name: 'cri-dockerd', version: '0.3.20.3-0.ubuntu-jammy', architecture: 'amd64', section: 'admin', priority: 'optional',
  maintainer: 'Mirantis <cri-dockerd@mirantis.com>', installedSize: 46000, size: 11_200_000,
  description: 'cri-dockerd is a lightweight implementation of the CRI specification which talks to docker.', homepage: 'https://www.mirantis.com',
};

/** readDebFile reads the control data of a local .deb, or an error in dpkg-deb's words. */
export function readDebFile(content: string, path: string): PackageInfo | { error: string } {
  if (!content.startsWith('!<arch>\n')) return { error: `dpkg-deb: error: '${path}' is not a Debian format archive` };
  const i = content.indexOf('control\n');
  if (i < 0) return { error: `dpkg-deb: error: '${path}' is not a Debian format archive` };
  const st = parseStanzas(content.slice(i + 8))[0];
  if (!st?.get('Package')) return { error: `dpkg-deb: error: '${path}' is not a Debian format archive` };
  return infoOf(st);
}
