import { describe, expect, it } from 'vitest';
import { deployment, labHarness } from '../create/testing/lab.ts';

/** editing makes the lab's editor change the file it is given, the way a person would. */
function editing(k: ReturnType<typeof labHarness>, change: (text: string) => string) {
  const seen: string[] = [];
  k.sys.editor = {
    edit: async ({ path }) => {
      const text = k.host.fs.readFile(path);
      seen.push(text);
      k.host.fs.writeFile(path, change(text));
      return { saved: true };
    },
  };
  return seen;
}

describe('kubectl edit', () => {
  it('saves a change through the editor', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
    const seen = editing(k, (t) => t.replace('replicas: 1', 'replicas: 4'));
    const r = await k.run(['edit', 'deployment/web']);
    expect(r.stdout).toBe('deployment.apps/web edited\n');
    expect(seen[0]).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit\. If an error occurs while saving this file will be\n# reopened with the relevant failures\.\n#\napiVersion: apps\/v1\nkind: Deployment\n/);
    expect((k.req('GET', '/apis/apps/v1/namespaces/default/deployments/web').spec as { replicas: number }).replicas).toBe(4);
  });

  it('cancels when nothing changed', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
    const r = await k.run(['edit', 'deploy', 'web']);
    expect(r).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', code: 0 });
  });

  it('reopens an invalid edit with the reasons, then keeps a copy when left as it is', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
    let round = 0;
    const seen = editing(k, (t) => (round++ === 0 ? t.replace('replicas: 1', 'replicas: -1') : t));
    const r = await k.run(['edit', 'deployment/web']);
    expect(r.code).toBe(1);
    const copy = /A copy of your changes has been stored to "(\/tmp\/kubectl-edit-\d+\.yaml)"\n/.exec(r.stderr);
    expect(copy).not.toBeNull();
    expect(r.stderr).toBe(`error: deployments.apps "web" is invalid\n${copy![0]}error: Edit cancelled, no valid changes were saved.\n`);
    expect(seen[1]).toContain('# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n');
    expect(k.host.fs.readFile(copy![1]!)).toContain('replicas: -1');
    expect((k.req('GET', '/apis/apps/v1/namespaces/default/deployments/web').spec as { replicas: number }).replicas).toBe(1);
  });
});
