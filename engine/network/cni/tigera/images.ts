import { registerImages } from '../../../cluster/images.ts';
import type { ImageDef } from '../../../node/images/types.ts';
import { busyboxTools } from '../../../node/images/toolbox.ts';
import { CALICO_VERSIONS } from '../calico/manifest.ts';
import { TIGERA_RELEASES } from './manifest.ts';
import { calicoIdle, tigeraOperator } from './program.ts';

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function calicoImage(name: string, binary: string, path: string, program: ImageDef['binaries'][string], size: number): ImageDef {
  return { repository: `docker.io/calico/${name}`, tags: CALICO_VERSIONS, size, entrypoint: [path], cmd: [], env: { PATH }, binaries: { [binary]: program }, binaryPaths: { [binary]: path } };
}

/** flexvolInstall is pod2daemon-flexvol's init container: it copies the flexvolume driver to the node and ends. */
const flexvolInstall: ImageDef['binaries'][string] = async (p) => {
  try {
    p.fs.mkdir('/host/driver', { recursive: true });
    p.fs.writeFile('/host/driver/uds', '\u007fELF flexvol driver\n', { mode: 0o755 });
  } catch {
    // without the mount there is nothing to install into
  }
  return 0;
};

/** TIGERA_IMAGES are the operator and the Calico images only an operator install uses (node, cni and kube-controllers are calico.yaml's too). */
export const TIGERA_IMAGES: ImageDef[] = [
  {
    repository: 'quay.io/tigera/operator',
    tags: TIGERA_RELEASES.map((r) => r.operator),
    size: 21_874_521,
    entrypoint: [],
    cmd: ['operator'],
    env: { PATH },
    binaries: { ...busyboxTools(), operator: tigeraOperator },
    binaryPaths: { operator: '/usr/bin/operator' },
  },
  calicoImage('typha', 'calico-typha', '/sbin/calico-typha', calicoIdle('daemon.go 370: Typha starting up GOMAXPROCS=2 buildDate="" gitCommit="" version=""'), 31_512_842),
  calicoImage('csi', 'csi-driver', '/usr/bin/csi-driver', calicoIdle('main.go 54: Starting Calico CSI driver'), 8_874_114),
  calicoImage('node-driver-registrar', 'node-driver-registrar', '/usr/bin/node-driver-registrar', calicoIdle('main.go 150: Version: v2.11.1'), 11_283_905),
  calicoImage('pod2daemon-flexvol', 'flexvol.sh', '/usr/local/bin/flexvol.sh', flexvolInstall, 6_872_301),
  calicoImage('apiserver', 'apiserver', '/code/apiserver', calicoIdle('run_server.go 69: Running the API server'), 40_221_764),
];

registerImages(TIGERA_IMAGES);
