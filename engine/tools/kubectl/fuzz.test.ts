import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kubectlHarness } from './testing/harness.ts';

// KUBELAB_FUZZ_RUNS raises the number of random command lines for a longer run.
const RUNS = Number(process.env['KUBELAB_FUZZ_RUNS'] ?? 10_000);

/**
 * Property: any kubectl command line ends with an exit code and text, never an
 * exception; and a command that failed without reporting anything done left
 * the cluster as it was. Commands that wait for the cluster (watches, rollout
 * status, wait, drain, follow) are left out: they run until time passes.
 */
const command = fc.constantFrom(
  'get', 'describe', 'create', 'delete', 'apply', 'label', 'annotate', 'scale', 'set', 'patch', 'expose', 'run', 'auth', 'config',
  'api-resources', 'api-versions', 'explain', 'taint', 'cordon', 'uncordon', 'replace', 'version', 'top', 'cluster-info', 'certificate',
  'rollout', 'autoscale', 'diff', 'kustomize', 'options', 'gett', '', 'help', 'completion', 'events',
);
const sub = fc.constantFrom('', 'deployment', 'configmap', 'secret', 'generic', 'service', 'clusterip', 'nodeport', 'role', 'rolebinding', 'namespace', 'can-i', 'whoami', 'view', 'get-contexts', 'history', 'undo', 'pause', 'resume', 'restart', 'image', 'env', 'resources', 'approve', 'bash');
const word = fc.oneof(
  fc.constantFrom(
    'pods', 'po', 'deploy', 'deployments.apps', 'svc', 'ns', 'nodes', 'cm', 'secrets', 'foo', 'pod/web', 'deploy/web', 'node/node01', 'all',
    'web', 'nope', 'node01', 'default', 'a=b', 'a-', 'key=value:NoSchedule', 'key-', 'web=nginx:1.27', '*=busybox', '--', 'sleep', '3600',
  ),
  fc.constantFrom(
    '-n', 'default', '-A', '-o', 'yaml', 'json', 'wide', 'name', 'jsonpath={.items[*].metadata.name}', 'jsonpath={.bogus', 'go-template={{.x}', 'custom-columns=N:.metadata.name', 'bogus',
    '-l', 'app=web', 'app in (a', '--field-selector', 'metadata.name=web', '--dry-run=client', '--dry-run=server', '--dry-run=bogus', '--image=nginx', '--replicas=2', '--replicas=-1',
    '--all', '-f', '/nope.yaml', '--bogus', '-h', '--help', '--overwrite', '--from-literal=a=b', '--from-literal', '--port=80', '--type=merge', '-p', '{"a":1}', '{bad', '--sort-by=.metadata.name',
    '--show-labels', '--no-headers', '--as=jane', '--as-group=g', '--list', '--recursive', '--verb=get', '--resource=pods', '--role=r', '--user=u', '--tcp=80:8080', '--to-revision=2', '--record',
  ),
  fc.string({ maxLength: 6 }),
);
const line = fc.tuple(command, sub, fc.array(word, { maxLength: 6 })).map(([c, s, ws]) => [c, s, ...ws].filter((x, i) => x !== '' || i > 1));

describe('kubectl under random command lines', () => {
  it(`answers ${RUNS} random command lines with text and an exit code, and a silent failure changes nothing`, { timeout: 600_000 }, async () => {
    const k = kubectlHarness();
    // Something to act on.
    await k.run(['create', 'deployment', 'web', '--image=nginx']);
    await k.run(['create', 'configmap', 'cm', '--from-literal=a=b']);
    await fc.assert(
      fc.asyncProperty(line, async (argv) => {
        if (argv.some((a) => /^-w$|^--watch|^-f$|^--follow/.test(a)) && argv[0] !== 'create' && argv[0] !== 'apply') return;
        const before = k.kv.revision;
        const r = await k.run(argv);
        expect(Number.isInteger(r.code)).toBe(true);
        expect(typeof r.stdout).toBe('string');
        expect(typeof r.stderr).toBe('string');
        if (r.code !== 0 && r.stdout === '') expect(k.kv.revision).toBe(before);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  });
});
