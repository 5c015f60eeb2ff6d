import { hostWork } from '../../base/host-work.ts';
import { registerImages } from '../../cluster/images.ts';
import type { Program } from '../../host/process.ts';
import { klogHeader } from '../../node/kubelet/klog.ts';
import { untilStopped } from '../../node/images/programs/serve.ts';
import type { ImageDef } from '../../node/images/types.ts';

/** INGRESS_NGINX_VERSION is the controller release the add-on installs. */
export const INGRESS_NGINX_VERSION = 'v1.13.3';
export const INGRESS_NGINX_IMAGE = `registry.k8s.io/ingress-nginx/controller:${INGRESS_NGINX_VERSION}`;

/**
 * controllerProgram is /nginx-ingress-controller: it prints the release banner
 * and its start-up lines, then runs until stopped. Serving Ingresses is the
 * cluster's ingress component, which answers on this pod's addresses.
 */
const controllerProgram: Program = async (p) => {
  const tag = p.env['INGRESS_NGINX_RELEASE'] ?? INGRESS_NGINX_VERSION;
  p.stdout.write(
    '-------------------------------------------------------------------------------\n' +
      `NGINX Ingress controller\n  Release:       ${tag}\n  Repository:    https://github.com/kubernetes/ingress-nginx\n  nginx version: nginx/1.27.1\n\n` +
      '-------------------------------------------------------------------------------\n\n',
  );
  const ns = p.env['POD_NAMESPACE'] ?? 'ingress-nginx';
  const pod = p.env['POD_NAME'] ?? p.hostname;
  const log = (sev: 'I' | 'W', file: string, msg: string) => p.stderr.write(`${klogHeader(sev, p.sys.runtime.now, 7, file)}${msg}\n`);
  log('W', 'client_config.go:667', 'Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.');
  log('I', 'main.go:205', '"Creating API client" host="https://10.96.0.1:443"');
  log('I', 'main.go:101', '"SSL fake certificate created" file="/etc/ingress-controller/ssl/default-fake-certificate.pem"');
  log('I', 'nginx.go:273', '"Starting NGINX Ingress controller"');
  log('I', 'leaderelection.go:257', `attempting to acquire leader lease ${ns}/ingress-nginx-leader...`);
  log('I', 'leaderelection.go:271', `successfully acquired lease ${ns}/ingress-nginx-leader`);
  log('I', 'status.go:85', `"New leader elected" identity="${pod}"`);
  return untilStopped(p, () => {});
};

/** dumbInit is the image's entrypoint: it runs the command after `--`. */
const dumbInit: Program = async (p) => (await hostWork(import('../../node/images/programs/exec.ts'))).execIn(p, p.argv.slice(p.argv[1] === '--' ? 2 : 1));

const INGRESS_NGINX_IMAGES: ImageDef[] = [
  {
    repository: 'registry.k8s.io/ingress-nginx/controller',
    tags: [INGRESS_NGINX_VERSION, 'v1.13.2', 'v1.13.0', 'v1.12.1', 'v1.11.5'],
    size: 107_412_380,
    entrypoint: ['/usr/bin/dumb-init', '--'],
    cmd: ['/nginx-ingress-controller'],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    user: 'www-data',
    exposedPorts: [80, 443],
    binaries: { 'dumb-init': dumbInit, 'nginx-ingress-controller': controllerProgram },
    binaryPaths: { 'dumb-init': '/usr/bin/dumb-init', 'nginx-ingress-controller': '/nginx-ingress-controller' },
  },
];

registerImages(INGRESS_NGINX_IMAGES);
