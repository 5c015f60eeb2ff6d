/** Helpers of the kubectl-write recording scripts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** KUBECTL is the real kubectl the goldens are recorded from. */
export const KUBECTL = process.env.KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';

/** save writes a golden file, creating its folder. */
export function save(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`recorded ${path}`);
}
