import { parse } from 'yaml';
import type { ApiClient } from '../../client/client.ts';
import type { Process } from '../../host/process.ts';
import { binaryVersion } from '../../host/packages/index.ts';
import { clientFromKubeconfig } from '../../controlplane/programs/kubeconfig-client.ts';

/** KubeadmError ends a command with kubeadm's error text (printed by fail). */
export class KubeadmError extends Error {}

/** fail prints an error the way kubeadm's CheckErr does and answers exit code 1. */
export function fail(p: Process, msg: string): number {
  p.stderr.write(`${msg}\nTo see the stack trace of this error execute with --v=5 or higher\n`);
  return 1;
}

/**
 * ownVersion is the version of the kubeadm binary being run ("1.34.3"): the
 * package version of the binary found on PATH, else the installed package,
 * else the default.
 */
export function ownVersion(p: Process, pkg = 'kubeadm'): string {
  return binaryVersion(p, pkg) ?? DEFAULT_VERSION;
}

/** DEFAULT_VERSION is the kubeadm of a host where no package says otherwise. */
export const DEFAULT_VERSION = '1.34.1';

/** adminClient is kubeadm's client: /etc/kubernetes/admin.conf (or --kubeconfig). */
export function adminClient(p: Process, kubeconfig = '/etc/kubernetes/admin.conf'): ApiClient | { error: string } {
  const c = clientFromKubeconfig(p, kubeconfig);
  if ('error' in c) return { error: `failed to load admin kubeconfig: open ${kubeconfig}: no such file or directory` };
  return c.client;
}

/** readOr reads a host file, or undefined. */
export function readOr(p: Process, path: string): string | undefined {
  try {
    return p.fs.readFile(path);
  } catch {
    return undefined;
  }
}

/** manifestImageTag reads the image tag of a static Pod manifest ("v1.33.7", "3.5.21-0"). */
export function manifestImageTag(p: Process, file: string): string | undefined {
  const text = readOr(p, `/etc/kubernetes/manifests/${file}`);
  if (!text) return undefined;
  try {
    const pod = parse(text) as { spec?: { containers?: { image?: string }[] } };
    const image = pod.spec?.containers?.[0]?.image ?? '';
    return image.slice(image.lastIndexOf(':') + 1) || undefined;
  } catch {
    return undefined;
  }
}

/** semver splits "v1.34.3" or "1.34.3" into numbers. */
export function semver(v: string): [number, number, number] {
  const [a, b, c] = v.replace(/^v/, '').split(/[.-]/).map(Number);
  return [a ?? 0, b ?? 0, c ?? 0];
}

/** compareVersions orders two Kubernetes versions. */
export function cmpVersion(a: string, b: string): number {
  const x = semver(a);
  const y = semver(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
