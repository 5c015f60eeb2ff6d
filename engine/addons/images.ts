import type { Program } from '../host/process.ts';
import type { ImageDef } from '../node/images/types.ts';
import { untilStopped } from '../node/images/programs/serve.ts';
import { registerImages } from '../cluster/images.ts';

/** klogStamp is klog's "I1123 02:30:00.000000       1 " header. */
function klogStamp(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `I${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}000       1`;
}

/**
 * daemon is an add-on's container program: it logs its start lines and runs
 * until stopped (the add-on's work itself runs as the cluster component).
 */
function daemon(lines: string[]): Program {
  return async (p) => {
    for (const l of lines) p.stderr.write(`${klogStamp(p.sys.runtime.now)} ${l}\n`);
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
