import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectlHarness } from '../../../testing/harness.ts';

/** GoldenCase is one recorded command line of the real kubectl. */
export interface GoldenCase {
  argv: string[];
  stdout: string;
  stderr: string;
  code: number;
}

interface GoldenFile {
  files: Record<string, string>;
  setup: { path: string; body: Record<string, unknown> }[];
  cases: GoldenCase[];
}

/** loadGoldens reads testdata/generators.json (recorded by scripts/record-golden/kubectl-write/generators.ts). */
export function loadGoldens(): GoldenFile {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'testdata', 'generators.json'), 'utf8')) as GoldenFile;
}

/** normalizeKlog replaces klog timestamps and pids as the recording does. */
export function normalizeKlog(s: string): string {
  return s.replace(/^([EWI])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1MMDD hh:mm:ss.uuuuuu PID ');
}

/** normalizeUids replaces object uids, which differ between any two clusters. */
export function normalizeUids(s: string): string {
  return s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UID');
}

/** goldenHarness is a kubectl harness holding the recording's files and objects. */
export function goldenHarness(g: GoldenFile) {
  const k = kubectlHarness();
  const admin = { token: 'admin' };
  for (const ns of ['default', 'team']) k.server.request({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, credentials: admin });
  for (const o of g.setup) {
    const r = k.server.request({ method: 'POST', path: o.path, body: o.body, credentials: admin });
    if (r.status >= 300) throw new Error(`setup ${o.path}: ${JSON.stringify(r.body)}`);
  }
  for (const [p, text] of Object.entries(g.files)) {
    const full = `/root/${p}`;
    k.host.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { recursive: true });
    k.host.fs.writeFile(full, text);
  }
  k.runtime.settle();
  return k;
}
