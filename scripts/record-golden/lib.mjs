// Shared helpers for the scripts that record golden files from the real tools.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** KUBECTL is the real kubectl the goldens are recorded from. */
export const KUBECTL = process.env.KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';

/** kubectl runs the real kubectl offline (no kubeconfig) and returns stdout, stderr and exit code. */
export function kubectl(args, opts = {}) {
  if (!existsSync(KUBECTL)) throw new Error(`real kubectl not found at ${KUBECTL}`);
  try {
    const stdout = execFileSync(KUBECTL, args, { env: { ...process.env, KUBECONFIG: '/nonexistent/kubeconfig', ...(opts.env ?? {}) }, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], input: opts.input });
    return { stdout, stderr: '', code: 0 };
  } catch (e) {
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.status ?? 1 };
  }
}

/** save writes a golden file, creating its folder. */
export function save(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`recorded ${path}`);
}
