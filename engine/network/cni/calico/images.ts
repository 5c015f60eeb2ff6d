import { registerImages } from '../../../cluster/images.ts';
import type { ImageDef } from '../../../node/images/types.ts';
import { busyboxTools } from '../../../node/images/toolbox.ts';
import { CALICO_VERSIONS } from './manifest.ts';
import { calicoInstall, calicoIpam, calicoKubeControllers, calicoNode, checkStatus } from './programs.ts';

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** CALICO_IMAGES are docker.io/calico/{cni,node,kube-controllers} of the mirrored releases. */
export const CALICO_IMAGES: ImageDef[] = [
  {
    repository: 'docker.io/calico/cni',
    tags: CALICO_VERSIONS,
    size: 94_535_610,
    entrypoint: [],
    cmd: ['/opt/cni/bin/install'],
    env: { PATH: `/opt/cni/bin:${PATH}` },
    binaries: { ...busyboxTools(), install: calicoInstall, 'calico-ipam': calicoIpam },
    binaryPaths: { install: '/opt/cni/bin/install', 'calico-ipam': '/opt/cni/bin/calico-ipam' },
  },
  {
    repository: 'docker.io/calico/node',
    tags: CALICO_VERSIONS,
    size: 142_488_426,
    entrypoint: ['start_runit'],
    cmd: [],
    env: { PATH },
    binaries: { ...busyboxTools(), 'calico-node': calicoNode, start_runit: calicoNode },
    binaryPaths: { 'calico-node': '/bin/calico-node', start_runit: '/usr/sbin/start_runit' },
  },
  {
    repository: 'docker.io/calico/kube-controllers',
    tags: CALICO_VERSIONS,
    size: 35_229_712,
    entrypoint: ['/usr/bin/kube-controllers'],
    cmd: [],
    env: { PATH },
    binaries: { 'kube-controllers': calicoKubeControllers, 'check-status': checkStatus },
    binaryPaths: { 'kube-controllers': '/usr/bin/kube-controllers', 'check-status': '/usr/bin/check-status' },
  },
];

registerImages(CALICO_IMAGES);
