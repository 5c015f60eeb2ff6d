import { parse } from 'yaml';
import type { ApiClient } from '../../client/client.ts';
import type { Process } from '../../host/process.ts';
import { binaryVersion } from '../../host/packages/index.ts';
import { readLine } from '../../host/streams.ts';
import { clientFromKubeconfig } from '../../controlplane/programs/kubeconfig-client.ts';

/** KubeadmError ends a command with kubeadm's error text (printed by fail). */
export class KubeadmError extends Error {}

/**
 * prefixesErrors: kubeadm 1.34 moved to its own errors package, whose handler
 * prints "error: " before every error (kubernetes PR 132080); 1.33 prints the
 * bare message.
 */
function prefixesErrors(p: Process): boolean {
  return cmpVersion(ownVersion(p), '1.34.0') >= 0;
}

/** fail prints an error the way kubeadm's error handler does and answers exit code 1. */
export function fail(p: Process, msg: string): number {
  p.stderr.write(`${prefixesErrors(p) ? 'error: ' : ''}${msg}\nTo see the stack trace of this error execute with --v=5 or higher\n`);
  return 1;
}

/**
 * failPreflight reports failed preflight checks (`\t[ERROR Name]: problem\n`
 * lines). Since 1.34 the report goes to stderr on its own and the error is
 * "preflight checks failed"; before, the report was the error's text. Inside
 * a phased command (init, join, reset, upgrade apply/node) the error names
 * the phase.
 */
export function failPreflight(p: Process, errors: string, inPhase: boolean): number {
  const report = `[preflight] Some fatal errors occurred:\n${errors}[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\``;
  const phase = inPhase ? 'error execution phase preflight: ' : '';
  if (!prefixesErrors(p)) return fail(p, phase + report);
  p.stderr.write(`${report}\n`);
  return fail(p, `${phase}preflight checks failed`);
}

/**
 * confirmed asks kubeadm's "[action] Are you sure you want to proceed? [y/N]: "
 * (InteractivelyConfirmAction): one line of input, "y" or "yes" in any case
 * and nothing else (not even with spaces) goes ahead.
 */
export async function confirmed(p: Process, action: string): Promise<boolean> {
  p.stdout.write(`[${action}] Are you sure you want to proceed? [y/N]: `);
  const answer = (await readLine(p.stdin)).toLowerCase();
  return answer === 'y' || answer === 'yes';
}

/** ABORTED is kubeadm's error when the answer was not yes. */
export const ABORTED = "won't proceed; the user didn't answer (Y|y) in order to continue";

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
  if ('error' in c) {
    // A user without sudo meets the root-only admin.conf (mode 0600), not a missing file.
    let why = 'no such file or directory';
    try {
      p.fs.readFile(kubeconfig);
    } catch (e) {
      if ((e as { code?: string }).code === 'EACCES') why = 'permission denied';
    }
    return { error: `failed to load admin kubeconfig: open ${kubeconfig}: ${why}` };
  }
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
