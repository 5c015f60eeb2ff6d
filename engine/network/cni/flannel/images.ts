import { registerImages } from '../../../cluster/images.ts';
import type { ImageDef } from '../../../node/images/types.ts';
import { busyboxTools } from '../../../node/images/toolbox.ts';
import { flanneld } from './flanneld.ts';
import { FLANNEL_CNI_PLUGIN_VERSION, FLANNEL_VERSION } from './manifest.ts';

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** FLANNEL_IMAGES: flanneld's image (alpine with busybox, so `cp` installs the CNI config) and the CNI plugin's. */
export const FLANNEL_IMAGES: ImageDef[] = [
  {
    repository: 'ghcr.io/flannel-io/flannel',
    tags: [FLANNEL_VERSION, 'v0.26.1', 'v0.25.7'],
    size: 33_145_000,
    entrypoint: ['/opt/bin/flanneld'],
    cmd: [],
    env: { PATH },
    binaries: { ...busyboxTools(), flanneld },
    binaryPaths: { flanneld: '/opt/bin/flanneld' },
  },
  {
    repository: 'ghcr.io/flannel-io/flannel-cni-plugin',
    tags: [FLANNEL_CNI_PLUGIN_VERSION, 'v1.5.1-flannel2'],
    size: 4_856_000,
    entrypoint: [],
    cmd: ['/bin/sh'],
    env: { PATH },
    binaries: busyboxTools(),
    files(fs) {
      fs.writeFile('/flannel', '\u007fELF flannel CNI plugin\n', { mode: 0o755 });
    },
  },
];

registerImages(FLANNEL_IMAGES);
// docker.io/flannel/* are the older names of the same images.
registerImages(FLANNEL_IMAGES.map((d) => ({ ...d, repository: d.repository.replace('ghcr.io/flannel-io/', 'docker.io/flannel/') })));
