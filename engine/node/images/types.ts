import type { Program } from '../../host/process.ts';
import type { FileSystem } from '../../host/types.ts';

/**
 * The image catalogue's contract. A container runs a program from its image:
 * the image's entrypoint/cmd (or the pod's command/args) name a binary on the
 * image's PATH, and that binary is a Program — nginx serves HTTP, busybox's
 * sh interprets `while true; do …; done`, registry.k8s.io/kube-apiserver runs
 * an apiserver built from its flags. Control-plane images are registered by the
 * control-plane package, workload images by the node runtime.
 */
export interface ImageDef {
  /** repository without registry defaults expanded, as users type it: "nginx", "busybox", "registry.k8s.io/kube-apiserver" */
  repository: string;
  /** tags that exist; a pull of any other tag fails with the registry's "not found" */
  tags: string[];
  /** tag used when none is given ("latest") must be in tags to be pullable */
  size: number;
  /** image config, as `crictl inspecti` / docker inspect show it */
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workingDir?: string;
  user?: string;
  exposedPorts?: number[];
  /** binaries on the image's PATH: name → program (sh, ls, cat, nginx, kube-apiserver…) */
  binaries: Record<string, Program>;
  /** paths where the binaries live in the image (default /bin/<name>, /usr/sbin for daemons) */
  binaryPaths?: Record<string, string>;
  /** files writes the image's filesystem layer (configs, html, /etc/os-release) */
  files?(fs: FileSystem): void;
}

/** ImageCatalog resolves image references ("nginx:1.27", "docker.io/library/nginx@sha256:…"). */
export interface ImageCatalog {
  lookup(ref: string): { def: ImageDef; tag: string; digest: string; fullRef: string } | { error: 'not-found' | 'unauthorized' | 'invalid'; message: string };
}
