import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../protocol/api.ts';
import { Lab, MAX_COMMAND_MS } from '../lab/lab.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

/** bootLab is a stepped lab (as `kubelab shell --json` drives it) with a helper that types one line. */
async function bootLab(o: { maxCommandMs?: number } = {}) {
  const out: string[] = [];
  const errors: string[] = [];
  const lab = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped', ...o, onInternalError: (e, label) => errors.push(`${label}: ${String(e)}`) });
  const id = (await lab.boot({ seed: 5 })).sessions[0]!.id;
  const submit = (line: string) => {
    out.length = 0;
    return lab.submit(id, line).then((r) => ({ text: out.join(''), exit: r.kind === 'done' ? r.exit : -1 }));
  };
  return { lab, id, submit, errors, now: () => lab.booted!.world.runtime.now };
}

describe('the lab stays responsive', () => {
  it('with pods whose containers loop without sleeping', async () => {
    const { submit, errors } = await bootLab();
    expect((await submit(`kubectl run spin --image=busybox -- sh -c 'while true; do :; done'`)).text).toBe('pod/spin created\n');
    expect((await submit(`kubectl run chatter --image=busybox -- sh -c 'while true; do echo hi; done'`)).exit).toBe(0);
    await submit('sleep 20');
    expect((await submit('kubectl get pods')).text).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nchatter +1\/1 +Running +0 .*\nspin +1\/1 +Running +0 /);
    expect((await submit('kubectl get nodes')).text).toMatch(/node01 +Ready/);
    // A spinning shell keeps a CPU busy.
    expect((await submit('kubectl top pod spin --no-headers')).text).toMatch(/^spin +1000m +/);
    expect((await submit('kubectl logs chatter --tail=2')).text).toBe('hi\nhi\n');
    // sh ignores SIGTERM as PID 1: the pod goes after its grace period, as on a real cluster.
    expect((await submit('kubectl delete pod spin chatter')).exit).toBe(0);
    await submit('sleep 35');
    expect((await submit('kubectl get pods')).text).toBe('No resources found in default namespace.\n');
    expect(errors).toEqual([]);
  });

  it('with a busy loop at the prompt, which Ctrl-C stops', async () => {
    const { lab, id, submit, now } = await bootLab();
    const t0 = now();
    const p = lab.submit(id, 'while true; do :; done');
    let done = false;
    void p.then(() => (done = true));
    for (let i = 0; i < 40; i++) await yieldToHost();
    expect(done).toBe(false);
    void lab.interrupt(id); // the UI's Ctrl-C
    expect(await p).toMatchObject({ kind: 'done', exit: 130 });
    expect(now() - t0).toBeLessThan(MAX_COMMAND_MS);
    expect((await submit('kubectl get nodes')).text).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION\ncontrolplane +Ready/);
  });

  it('stops a command that would never end after its time limit, as Ctrl-C would (^C, 130)', async () => {
    expect(MAX_COMMAND_MS).toBe(15 * 60_000); // the limit docs/labs.md states for `kubelab shell --json`
    const limit = 60_000;
    const { submit, now } = await bootLab({ maxCommandMs: limit });
    for (const cmd of ['while true; do :; done', 'sleep infinity', 'tail -f /dev/null', 'cat']) {
      const t0 = now();
      expect(await submit(cmd), cmd).toEqual({ text: '^C\n', exit: 130 });
      expect(now() - t0, cmd).toBeGreaterThanOrEqual(limit);
      expect(now() - t0, cmd).toBeLessThan(limit + 5000);
    }
    expect(await submit('sleep 30; echo after')).toEqual({ text: 'after\n', exit: 0 });
  });

  it('when the apiserver is pointed at etcd\'s peer port, and again once the manifest is repaired', async () => {
    const { submit, errors } = await bootLab();
    await submit('ssh controlplane');
    const manifest = '/etc/kubernetes/manifests/kube-apiserver.yaml';
    await submit(`sudo sed -i 's#--etcd-servers=https://127.0.0.1:2379#--etcd-servers=https://127.0.0.1:2380#' ${manifest}`);
    // The apiserver gives up after its retries and the kubelet restarts it, again and again (CrashLoopBackOff).
    await submit('sleep 300');
    expect(await submit('kubectl get nodes')).toEqual({ text: 'The connection to the server 192.168.100.10:6443 was refused - did you specify the right host or port?\n', exit: 1 });
    // crictl keeps the last exited attempt beside the running one: several attempts have come and gone.
    expect((await submit('sudo crictl ps -a --name kube-apiserver')).text).toMatch(/ Exited +kube-apiserver +[1-9]\d* /);
    const logs = await submit(`sudo crictl logs $(sudo crictl ps -a --name kube-apiserver -q | head -1) 2>&1 | tail -1`);
    expect(logs.text).toContain('127.0.0.1:2380');
    expect((await submit('sudo journalctl -u kubelet | tail -1')).text).toContain('connect: connection refused');
    // Time keeps moving and the rest of the lab answers meanwhile.
    expect((await submit('kubectl get nodes')).exit).toBe(1);
    await submit('sleep 600');
    expect((await submit('echo still here')).text).toBe('still here\n');
    await submit(`sudo sed -i 's#--etcd-servers=https://127.0.0.1:2380#--etcd-servers=https://127.0.0.1:2379#' ${manifest}`);
    await submit('sleep 90');
    const nodes = await submit('kubectl get nodes');
    expect(nodes.exit).toBe(0);
    expect(nodes.text).toMatch(/controlplane +Ready +control-plane/);
    expect(nodes.text).toMatch(/node01 +Ready/);
    expect(errors).toEqual([]);
  });
});
