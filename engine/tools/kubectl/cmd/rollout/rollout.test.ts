import { describe, expect, it } from 'vitest';
import { deployment, labHarness } from '../create/testing/lab.ts';

type H = ReturnType<typeof labHarness>;

function setStatus(k: H, name: string, status: Record<string, number>) {
  const cur = k.req('GET', `/apis/apps/v1/namespaces/default/deployments/${name}`);
  k.req('PUT', `/apis/apps/v1/namespaces/default/deployments/${name}/status`, { ...cur, status: { observedGeneration: cur.metadata.generation, ...status } });
}

function replicaSet(k: H, deploy: Record<string, unknown> & { metadata: Record<string, unknown> }, revision: number, image: string) {
  const tmpl = { metadata: { labels: { app: 'web', 'pod-template-hash': `h${revision}` } }, spec: { containers: [{ name: 'main', image }] } };
  k.req('POST', '/apis/apps/v1/namespaces/default/replicasets', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-h${revision}`,
      labels: { app: 'web', 'pod-template-hash': `h${revision}` },
      annotations: { 'deployment.kubernetes.io/revision': String(revision), ...(revision === 2 ? { 'kubernetes.io/change-cause': 'image update' } : {}) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deploy.metadata.uid, controller: true }],
    },
    spec: { replicas: 0, selector: { matchLabels: { app: 'web', 'pod-template-hash': `h${revision}` } }, template: tmpl },
  });
}

/** daemonSetWithHistory is DaemonSet agent at busybox:2 with ControllerRevisions 1 (busybox:1) and 2. */
function daemonSetWithHistory() {
  const k = labHarness();
  const ds = k.req('POST', '/apis/apps/v1/namespaces/default/daemonsets', {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'main', image: 'busybox:2' }] } } },
  });
  for (const revision of [1, 2]) {
    k.req('POST', '/apis/apps/v1/namespaces/default/controllerrevisions', {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `agent-r${revision}`,
        labels: { app: 'agent' },
        annotations: revision === 2 ? { 'kubernetes.io/change-cause': 'kubectl set image ds/agent main=busybox:2 --record=true' } : {},
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: ds.metadata.uid, controller: true }],
      },
      // the newest revision records the live (defaulted) template, as the controller does
      data: { spec: { template: { $patch: 'replace', ...(revision === 2 ? ds.spec.template : { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'main', image: 'busybox:1' }] } }) } } },
      revision,
    });
  }
  return k;
}

describe('kubectl rollout', () => {
  it('status waits on the simulated clock and prints each step', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web', 'nginx', 3));
    setStatus(k, 'web', { replicas: 3, updatedReplicas: 1 });
    const done = k.run(['rollout', 'status', 'deployment/web']);
    for (let i = 0; i < 50; i++) await Promise.resolve();
    setStatus(k, 'web', { replicas: 3, updatedReplicas: 3, availableReplicas: 1 });
    setStatus(k, 'web', { replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    const r = await done;
    expect(r.stdout).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n' +
        'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n' +
        'deployment "web" successfully rolled out\n',
    );
    expect(r.code).toBe(0);
  });

  it('status times out with kubectl\'s error', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web', 'nginx', 2));
    setStatus(k, 'web', { replicas: 2, updatedReplicas: 2, availableReplicas: 0 });
    const done = k.run(['rollout', 'status', 'deploy/web', '--timeout=5s']);
    for (let i = 0; i < 10; i++) {
      await Promise.resolve();
      k.runtime.advance(1000);
    }
    const r = await done;
    expect(r).toEqual({ stdout: 'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\n', stderr: 'error: timed out waiting for the condition\n', code: 1 });
  });

  it('history lists revisions and undo rolls back to the previous one', async () => {
    const k = labHarness();
    const d = k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web', 'nginx:2'));
    replicaSet(k, d, 1, 'nginx:1');
    replicaSet(k, d, 2, 'nginx:2');
    expect((await k.run(['rollout', 'history', 'deployment/web'])).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image update\n\n');
    expect((await k.run(['rollout', 'undo', 'deployment/web'])).stdout).toBe('deployment.apps/web rolled back\n');
    const live = k.req('GET', '/apis/apps/v1/namespaces/default/deployments/web') as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(live.spec.template.spec.containers[0]!.image).toBe('nginx:1');
    expect((await k.run(['rollout', 'undo', 'deployment/web', '--to-revision=1'])).stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 1)\n');
    expect((await k.run(['rollout', 'undo', 'deployment/web', '--to-revision=7'])).stderr).toBe('error: unable to find specified revision 7 in history\n');
  });

  it('history reads a DaemonSet\'s ControllerRevisions, and says which kinds have no history', async () => {
    const k = daemonSetWithHistory();
    expect((await k.run(['rollout', 'history', 'ds/agent'])).stdout).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image ds/agent main=busybox:2 --record=true\n\n');
    const one = await k.run(['rollout', 'history', 'ds/agent', '--revision=1']);
    expect(one.stdout).toMatch(/^daemonset\.apps\/agent with revision #1\nPod Template:\n  Labels:\tapp=agent\n  Containers:\n   main:\n    Image:\tbusybox:1\n/);
    expect((await k.run(['rollout', 'history', 'ds/agent', '--revision=3'])).stderr).toBe('error: unable to find the specified revision\n');
    expect((await k.run(['rollout', 'history', 'ds/agent', '--revision=2', '-o', 'name'])).stdout).toBe('daemonset.apps/agent\n');
    k.req('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    k.req('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });
    // every object is visited, and the errors come together at the end
    // a kind kubectl's visitor does not know fails before any viewer is looked for
    const noVisitor = 'error retrieving history for "ConfigMap", no visitor method exists for { ConfigMap}';
    expect((await k.run(['rollout', 'history', 'cm/a', 'cm/b'])).stderr).toBe(`${noVisitor}\n${noVisitor}\n`);
  });

  it('restart stamps the pod template', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
    expect((await k.run(['rollout', 'restart', 'deployment/web'])).stdout).toBe('deployment.apps/web restarted\n');
    const live = k.req('GET', '/apis/apps/v1/namespaces/default/deployments/web') as unknown as { spec: { template: { metadata: { annotations: Record<string, string> } } } };
    expect(live.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('undo on a DaemonSet sends the ControllerRevision back as a strategic patch, with kubectl\'s texts', async () => {
    const k = daemonSetWithHistory();
    const image = () => (k.req('GET', '/apis/apps/v1/namespaces/default/daemonsets/agent') as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers[0]!.image;
    const dry = await k.run(['rollout', 'undo', 'ds/agent', '--dry-run=client']);
    expect(dry.stdout).toMatch(/^daemonset\.apps\/agent will roll back to Pod Template:\n  Labels:\tapp=agent\n  Containers:\n   main:\n    Image:\tbusybox:1\n[^]* \(dry run\)\n$/);
    expect((await k.run(['rollout', 'undo', 'ds/agent', '--to-revision=2'])).stdout).toBe('daemonset.apps/agent skipped rollback (current template already matches revision 2)\n');
    expect((await k.run(['rollout', 'undo', 'ds/agent', '--to-revision=5'])).stderr).toBe('error: unable to find specified revision 5 in history\n');
    expect(image()).toBe('busybox:2');
    expect((await k.run(['rollout', 'undo', 'ds/agent'])).stdout).toBe('daemonset.apps/agent rolled back\n');
    expect(image()).toBe('busybox:1');
  });

  it('pause, resume and restart name each object they cannot change; undo and status name the kind as kubectl does', async () => {
    const k = labHarness();
    k.req('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
    k.req('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    k.req('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });
    expect((await k.run(['rollout', 'pause', 'cm/a'])).stderr).toBe('error: configmaps "a" pausing is not supported\n');
    expect((await k.run(['rollout', 'restart', 'cm/a', 'cm/b'])).stderr).toBe('error: configmaps "a" restarting is not supported\nerror: configmaps "b" restarting is not supported\n');
    expect((await k.run(['rollout', 'pause', 'deploy/web'])).stdout).toBe('deployment.apps/web paused\n');
    expect((await k.run(['rollout', 'pause', 'deploy/web', 'cm/a'])).stderr).toBe('error: deployments.apps "web" is already paused\nerror: configmaps "a" pausing is not supported\n');
    expect((await k.run(['rollout', 'undo', 'cm/a'])).stderr).toBe('error: error retrieving rollbacker for "ConfigMap", no visitor method exists for { ConfigMap}\n');
    expect((await k.run(['rollout', 'status', 'cm/a'])).stderr).toBe('error: no status viewer has been implemented for ConfigMap\n');
    k.req('POST', '/apis/batch/v1/namespaces/default/jobs', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } });
    expect((await k.run(['rollout', 'undo', 'job/j'])).stderr).toBe('error: no rollbacker has been implemented for "Job.batch"\n');
    expect((await k.run(['rollout', 'status', 'job/j'])).stderr).toBe('error: no status viewer has been implemented for Job.batch\n');
  });
});
