/**
 * Records the real kubectl's --help texts for kubectl's writing commands into
 * engine/tools/kubectl/cmd/create/help-texts.ts, the table the commands take
 * their help (long text, examples, flags, usage line) from, and into
 * engine/tools/kubectl/cmd/create/testdata/help.json, the goldens the help
 * renderer is tested against.
 *   node --import tsx scripts/record-golden/kubectl-write/help.ts
 */
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { KUBECTL, save } from './lib.ts';

function kubectl(args: string[]): { stdout: string; stderr: string; code: number } {
  try {
    const stdout = execFileSync(KUBECTL, args, { env: { ...process.env, KUBECONFIG: '/nonexistent/kubeconfig' }, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    return { stdout, stderr: '', code: 0 };
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; status?: number };
    return { stdout: x.stdout ?? '', stderr: x.stderr ?? '', code: x.status ?? 1 };
  }
}

/** PATHS are the command paths whose help is recorded. */
export const PATHS = [
  'create', 'create clusterrole', 'create clusterrolebinding', 'create configmap', 'create cronjob', 'create deployment', 'create ingress', 'create job',
  'create namespace', 'create poddisruptionbudget', 'create priorityclass', 'create quota', 'create role', 'create rolebinding', 'create secret',
  'create secret generic', 'create secret tls', 'create secret docker-registry', 'create service', 'create service clusterip', 'create service nodeport',
  'create service loadbalancer', 'create service externalname', 'create serviceaccount', 'create token',
  'run', 'expose', 'apply', 'apply view-last-applied', 'apply set-last-applied', 'apply edit-last-applied', 'replace', 'patch', 'edit', 'diff',
  'scale', 'autoscale', 'rollout', 'rollout status', 'rollout history', 'rollout undo', 'rollout restart', 'rollout pause', 'rollout resume',
  'set', 'set image', 'set env', 'set resources', 'set serviceaccount', 'set selector', 'set subject', 'label', 'annotate', 'kustomize', 'delete', 'debug', 'plugin', 'plugin list',
];

const root = join(import.meta.dirname, '..', '..', '..', 'engine/tools/kubectl/cmd/create');
const texts: Record<string, string> = {};
for (const p of PATHS) {
  const r = kubectl([...p.split(' '), '--help']);
  if (r.code !== 0) throw new Error(`kubectl ${p} --help failed: ${r.stderr}`);
  texts[p] = r.stdout;
}
save(join(root, 'testdata/help.json'), JSON.stringify(texts, null, 1) + '\n');
const body = Object.entries(texts)
  .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
  .join('\n');
save(
  join(root, 'help-texts.ts'),
  `/**\n * HELP_TEXTS are kubectl 1.33's --help texts of the writing commands, recorded\n * from the real kubectl by scripts/record-golden/kubectl-write/help.ts; help.ts\n * reads command descriptions (long text, examples, flags, usage) from them.\n */\nexport const HELP_TEXTS: Record<string, string> = {\n${body}\n};\n`,
);
