import { klogHeader } from '../base/klog.ts';
import type { Program } from '../host/process.ts';
import type { ImageDef } from '../node/images/types.ts';
import { untilStopped } from '../node/images/programs/serve.ts';
import { registerImages } from '../cluster/images.ts';


/**
 * daemon is an add-on's container program: it logs its start lines and runs
 * until stopped (the add-on's work itself runs as the cluster component).
 */
function daemon(lines: string[]): Program {
  return async (p) => {
    for (const l of lines) {
      const at = l.indexOf('] ');
      p.stderr.write(`${klogHeader('I', p.sys.runtime.now, 1, l.slice(0, at))}${l.slice(at + 2)}\n`);
    }
    return untilStopped(p, () => {});
  };
}

/** ADDON_IMAGES are the images the add-ons' Deployments run. */
export const ADDON_IMAGES: ImageDef[] = [
  {
    repository: 'registry.k8s.io/metrics-server/metrics-server',
    tags: ['v0.8.0', 'v0.7.2'],
    size: 19_554_342,
    entrypoint: ['/metrics-server'],
    cmd: [],
    env: {},
    user: '65534',
    exposedPorts: [10250],
    binaries: { 'metrics-server': daemon(['serving.go:374] Generated self-signed cert (/tmp/apiserver.crt, /tmp/apiserver.key)', 'handler.go:288] Adding GroupVersion metrics.k8s.io v1beta1 to ResourceManager', 'secure_serving.go:213] Serving securely on [::]:10250']) },
    binaryPaths: { 'metrics-server': '/metrics-server' },
  },
  {
    repository: 'rancher/local-path-provisioner',
    tags: ['v0.0.31', 'v0.0.30'],
    size: 21_337_914,
    entrypoint: ['local-path-provisioner'],
    cmd: [],
    env: {},
    binaries: { 'local-path-provisioner': daemon(['controller.go:824] Starting provisioner controller rancher.io/local-path_local-path-provisioner']) },
    binaryPaths: { 'local-path-provisioner': '/usr/bin/local-path-provisioner' },
  },
  {
    repository: 'registry.k8s.io/sig-storage/hostpathplugin',
    tags: ['v1.15.0'],
    size: 32_106_553,
    entrypoint: ['/hostpathplugin'],
    cmd: [],
    env: {},
    binaries: { hostpathplugin: daemon(['hostpath.go:91] Driver: hostpath.csi.k8s.io', 'server.go:101] Listening for connections on address: &net.UnixAddr{Name:"/csi/csi.sock", Net:"unix"}']) },
    binaryPaths: { hostpathplugin: '/hostpathplugin' },
  },
];

registerImages(ADDON_IMAGES);
