import { registerImages } from '../../cluster/images.ts';
import type { ImageDef } from '../../node/images/types.ts';
import { CERT_MANAGER_VERSION } from './manifest.ts';
import { certManagerController, idleComponent } from './program.ts';

function image(name: string, binary: string, program: ImageDef['binaries'][string], size: number): ImageDef {
  return {
    repository: `quay.io/jetstack/${name}`,
    tags: [CERT_MANAGER_VERSION],
    size,
    entrypoint: [`/app/cmd/${binary}/${binary}`],
    cmd: [],
    env: {},
    user: '1000',
    binaries: { [binary]: program },
    binaryPaths: { [binary]: `/app/cmd/${binary}/${binary}` },
  };
}

/** CERT_MANAGER_IMAGES are the release's images: the controller runs the operator; cainjector and webhook start and wait. */
export const CERT_MANAGER_IMAGES: ImageDef[] = [
  image('cert-manager-controller', 'controller', certManagerController, 19_823_410),
  image('cert-manager-cainjector', 'cainjector', idleComponent('"starting cert-manager ca-injector" version="v1.16.2"'), 15_120_533),
  image('cert-manager-webhook', 'webhook', idleComponent('"starting cert-manager webhook" version="v1.16.2"'), 16_402_118),
];

registerImages(CERT_MANAGER_IMAGES);
