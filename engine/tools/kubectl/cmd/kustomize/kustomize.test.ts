import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../../protocol/api.ts';
import { Lab } from '../../../../lab/lab.ts';

/**
 * Errors and warnings of `kubectl kustomize`, each expected text recorded
 * from kubectl 1.33 (kustomize v5) run on the same files at the same paths.
 */

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

async function lab() {
  const out: string[] = [];
  const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
  const s = (await engine.boot({ seed: 2 })).sessions[0]!.id;
  const run = async (line: string) => {
    out.length = 0;
    const r = await engine.submit(s, line);
    return { text: out.join(''), exit: r.kind === 'done' ? r.exit : -1 };
  };
  const write = async (path: string, text: string) => {
    await run(`mkdir -p ${path.replace(/\/[^/]+$/, '')}`);
    await run(`printf '${text.replace(/\n/g, '\\n')}' > ${path}`);
  };
  return { run, write };
}

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n';

const CASES: { name: string; files: Record<string, string>; stderr: string }[] = [
  {
    name: 'an unknown field',
    files: { 'base/kustomization.yaml': 'resources:\n- deploy.yaml\n', 'kustomization.yaml': 'resources:\n- base\nfoo: 1\n' },
    stderr: 'error: invalid Kustomization: json: unknown field "foo"\n',
  },
  {
    name: 'a value of the wrong type',
    files: { 'kustomization.yaml': 'resources: deploy.yaml\n' },
    stderr: 'error: invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.resources of type []string\n',
  },
  {
    name: 'a missing file in a base',
    files: { 'base/kustomization.yaml': 'resources:\n- nothere.yaml\n', 'kustomization.yaml': 'resources:\n- base\n' },
    stderr: "error: accumulating resources: accumulation err='accumulating resources from 'base': '/tmp/kz/t/base' must resolve to a file': recursed accumulation of path '/tmp/kz/t/base': accumulating resources: accumulation err='accumulating resources from 'nothere.yaml': evalsymlink failure on '/tmp/kz/t/base/nothere.yaml' : lstat /tmp/kz/t/base/nothere.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '/tmp/kz/t/base/nothere.yaml' : lstat /tmp/kz/t/base/nothere.yaml: no such file or directory\n",
  },
  {
    name: 'a base without a kustomization',
    files: { 'base/deploy.yaml': DEPLOY, 'kustomization.yaml': 'resources:\n- ./base/../base\n' },
    stderr: "error: accumulating resources: accumulation err='accumulating resources from './base/../base': '/tmp/kz/t/base' must resolve to a file': couldn't make target for path '/tmp/kz/t/base': unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '/tmp/kz/t/base'\n",
  },
  {
    name: 'a missing patch file',
    files: { 'base/kustomization.yaml': 'resources:\n- deploy.yaml\npatches:\n- path: nop.yaml\n  target:\n    kind: Deployment\n    name: web\n', 'kustomization.yaml': 'resources:\n- base\n' },
    stderr: "error: accumulating resources: accumulation err='accumulating resources from 'base': '/tmp/kz/t/base' must resolve to a file': recursed accumulation of path '/tmp/kz/t/base': trouble configuring builtin PatchTransformer with config: `\npath: nop.yaml\ntarget:\n  kind: Deployment\n  name: web\n`: failed to get the patch file from path(nop.yaml): evalsymlink failure on '/tmp/kz/t/base/nop.yaml' : lstat /tmp/kz/t/base/nop.yaml: no such file or directory\n",
  },
  {
    name: 'the same object twice',
    files: { 'base/kustomization.yaml': 'resources:\n- deploy.yaml\n', 'kustomization.yaml': 'resources:\n- base\n- base/deploy.yaml\n' },
    stderr: "error: accumulating resources: accumulation err='merging resources from 'base/deploy.yaml': may not add resource with an already registered id: Deployment.v1.apps/web.[noNs]': must build at directory: '/tmp/kz/t/base/deploy.yaml': file is not directory\n",
  },
  {
    name: 'a patch that matches nothing',
    files: { 'kustomization.yaml': 'resources:\n- base/deploy.yaml\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: nope\n    spec:\n      replicas: 2\n' },
    stderr: 'error: no resource matches strategic merge patch "Deployment.v1.apps/nope.[noNs]": no matches for Id Deployment.v1.apps/nope.[noNs]; failed to find unique target for patch Deployment.v1.apps/nope.[noNs]\n',
  },
  {
    name: 'deprecated fields, warned before the error',
    files: { 'kustomization.yaml': 'resources:\n- base/deploy.yaml\ncommonLabels:\n  a: b\npatchesJson6902:\n- path: p.yaml\n  target:\n    group: apps\n    version: v1\n    kind: Deployment\n    name: web\n' },
    stderr: "# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run 'kustomize edit fix' to update your Kustomization automatically.\n# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. Run 'kustomize edit fix' to update your Kustomization automatically.\nerror: trouble configuring builtin PatchJson6902Transformer with config: `\npath: p.yaml\ntarget:\n  group: apps\n  kind: Deployment\n  name: web\n  version: v1\n`: evalsymlink failure on '/tmp/kz/t/p.yaml' : lstat /tmp/kz/t/p.yaml: no such file or directory\n",
  },
];

describe('kubectl kustomize errors', () => {
  for (const c of CASES) {
    it(`reports ${c.name} as kustomize does`, async () => {
      const { run, write } = await lab();
      await write('/tmp/kz/t/base/deploy.yaml', DEPLOY);
      for (const [p, text] of Object.entries(c.files)) await write(`/tmp/kz/t/${p}`, text);
      const r = await run('kubectl kustomize /tmp/kz/t');
      expect(r.text).toBe(c.stderr);
      expect(r.exit).toBe(1);
    });
  }

  it('lets kubectl get -k list the objects a kustomization builds', async () => {
    const { run, write } = await lab();
    await write('/tmp/kz/t/deploy.yaml', DEPLOY);
    await write('/tmp/kz/t/kustomization.yaml', 'resources:\n- deploy.yaml\nconfigMapGenerator:\n- name: c\n  literals:\n  - a=b\n');
    expect((await run('kubectl apply -k /tmp/kz/t')).text).toBe('configmap/c-4h2mbtbbt6 created\ndeployment.apps/web created\n');
    expect((await run('kubectl get -k /tmp/kz/t -o name')).text).toBe('configmap/c-4h2mbtbbt6\ndeployment.apps/web\n');
  });
});
