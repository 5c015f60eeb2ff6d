import { describe, expect, it } from 'vitest';
import { steppedLab } from '../../../../lab/testing/stepped-lab.ts';

const LEGACY = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';

describe('kubectl debug (texts as the real kubectl 1.33 prints them)', () => {
  it('refuses what the real one refuses', async () => {
    const lab = await steppedLab({ seed: 5 });
    const run = async (line: string) => lab.run(line);
    expect(await run('kubectl debug')).toEqual({ text: 'error: NAME or filename is required for debug\n', exit: 1 });
    expect(await run('kubectl debug node/node01 --image=busybox -t')).toEqual({ text: 'error: -i/--stdin is required for containers with -t/--tty=true\n', exit: 1 });
    expect(await run('kubectl debug node/node01')).toEqual({ text: 'error: you must specify --image when not using --copy-to.\n', exit: 1 });
    expect(await run('kubectl debug node/node01 --image=busybox --profile=bogus')).toEqual({ text: 'error: unknown profile: bogus\n', exit: 1 });
    expect(await run('kubectl debug node/node01 --image=Bad_Image --profile=general')).toEqual({ text: 'error: invalid image name "Bad_Image": invalid reference format\n', exit: 1 });
    expect(await run('kubectl debug node/node01 --image=busybox --image-pull-policy=Bogus')).toEqual({ text: 'error: invalid image pull policy: Bogus\n', exit: 1 });
    expect(await run('kubectl debug web --image=busybox --set-image=*=busybox')).toEqual({ text: 'error: --set-image may only be used with --copy-to.\n', exit: 1 });
    expect(await run('kubectl debug node/nope --image=busybox --profile=general')).toEqual({ text: 'Error from server (NotFound): nodes "nope" not found\n', exit: 1 });
    expect(await run('kubectl debug svc/kubernetes --image=busybox --profile=general')).toEqual({ text: 'error: "/v1, Kind=Service" not supported by debug\n', exit: 1 });
  }, 60_000);

  it('debugs a node from a pod in its namespaces with its root at /host', async () => {
    const lab = await steppedLab({ seed: 5 });
    const run = async (line: string) => (await lab.run(line)).text;
    const made = await run('kubectl debug node/node01 --image=busybox');
    expect(made).toMatch(new RegExp(`^${LEGACY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}Creating debugging pod node-debugger-node01-[b-z2-9]{5} with container debugger on node node01.\n$`));
    const name = /pod (node-debugger-node01-\w{5})/.exec(made)![1]!;
    expect(await run(`kubectl get pod ${name} -o jsonpath='{.spec.nodeName} {.spec.hostPID} {.spec.hostNetwork} {.spec.hostIPC} {.spec.restartPolicy} {.spec.tolerations} {.spec.volumes[0]} {.spec.containers[0].volumeMounts[0].mountPath} {.metadata.labels}'`)).toBe(
      'node01 true true true Never [{"operator":"Exists"}] {"hostPath":{"path":"/","type":""},"name":"host-root"} /host {"app.kubernetes.io/managed-by":"kubectl-debug"}',
    );
    // -it joins the debugging shell: the node's files are under /host, the host's name is the node's.
    const session = await lab.run('kubectl debug node/node01 -it --image=busybox --profile=sysadmin', (() => {
      const lines = ['ls /host/etc/kubernetes', 'hostname', 'chroot /host', 'systemctl is-active kubelet', 'exit', 'chroot /nope', 'chroot /host nosuch', 'exit'];
      return () => lines.shift();
    })());
    expect(session.text).toContain('kubelet.conf  manifests  pki\n');
    expect(session.text).toContain('/ # hostname\nnode01\n');
    // chroot /host: the node's own shell (Ubuntu's dash) and tools, its systemd
    expect(session.text).toContain('/ # chroot /host\n# systemctl is-active kubelet\nactive\n# exit\n');
    expect(session.text).toContain("/ # chroot /nope\nchroot: can't change root directory to '/nope': No such file or directory\n");
    expect(session.text).toContain("/ # chroot /host nosuch\nchroot: can't execute 'nosuch': No such file or directory\n");
    expect(session.exit).toBe(0);
    expect(await run("kubectl get pods -o jsonpath='{range .items[*]}{.spec.containers[0].securityContext.privileged}{\"\\n\"}{end}'")).toContain('true');
  }, 60_000);

  it('copies a pod with a debugging container, or with its own container changed', async () => {
    const lab = await steppedLab({ seed: 5 });
    const run = async (line: string) => (await lab.run(line)).text;
    await run('kubectl run web --image=nginx --labels=app=web');
    await run('sleep 5');
    expect(await run('kubectl debug web --copy-to=web-dbg --image=busybox --profile=general -- sleep 1d')).toMatch(/^Defaulting debug container name to debugger-[b-z2-9]{5}\.\n$/);
    expect(await run("kubectl get pod web-dbg -o jsonpath='{.spec.containers[1].command} {.spec.containers[1].securityContext} {.spec.shareProcessNamespace} {.metadata.labels}'")).toBe(
      '["sleep","1d"] {"capabilities":{"add":["SYS_PTRACE"]}} true ',
    );
    expect(await run('kubectl debug web --copy-to=web2 --set-image=*=busybox:1.36 --container=web --keep-labels --profile=general -- sleep 1000')).toBe('');
    expect(await run("kubectl get pod web2 -o jsonpath='{.spec.containers[*].image} {.spec.containers[0].command} {.metadata.labels.app}'")).toBe('busybox:1.36 ["sleep","1000"] web');
    await run('kubectl debug web --copy-to=web3 --image=busybox -c dbg --replace --profile=general -- sleep 1d');
    expect(await run('kubectl get pod web')).toBe('Error from server (NotFound): pods "web" not found\n');
    await run('sleep 10');
    expect(await run('kubectl get pods web-dbg web2 web3 --no-headers')).toMatch(/^web-dbg +2\/2 +Running[\s\S]*web2 +1\/1 +Running[\s\S]*web3 +2\/2 +Running/);
  }, 60_000);

  it('adds an ephemeral container to a running pod and attaches to it', async () => {
    const lab = await steppedLab({ seed: 5 });
    const run = async (line: string) => (await lab.run(line)).text;
    await run('kubectl run web --image=nginx');
    await run('sleep 5');
    const lines = ['hostname', 'exit'];
    const session = await lab.run('kubectl debug web -it --image=busybox --target=web --profile=general', () => lines.shift());
    expect(session.text).toMatch(/^Targeting container "web"\. If you don't see processes from this container it may be because the container runtime doesn't support this feature\.\nDefaulting debug container name to (debugger-[b-z2-9]{5})\.\n/);
    const name = /to (debugger-\w{5})/.exec(session.text)![1]!;
    expect(session.text).toContain('hostname\nweb\n/ # exit\n');
    expect(session.text).toContain(`Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach web -c ${name} -i -t' if it is still running\n`);
    expect(await run('kubectl get pod web --no-headers')).toMatch(/^web +1\/1 +Running +0 /);
    expect(await run(`kubectl get pod web -o jsonpath='{.spec.ephemeralContainers[0].targetContainerName} {.spec.ephemeralContainers[0].securityContext} {.status.ephemeralContainerStatuses[0].state.terminated.reason}'`)).toBe('web {"capabilities":{"add":["SYS_PTRACE"]}} Completed');
    await run('kubectl debug web --image=busybox -c dbg2 --profile=general -- sleep 1d');
    await run('sleep 3');
    expect(await run('kubectl exec web -c dbg2 -- hostname')).toBe('web\n');
    expect(await run("kubectl describe pod web | grep --color=never -A3 '^Ephemeral Containers:'")).toMatch(new RegExp(`^Ephemeral Containers:\n  ${name}:\n    Container ID: +containerd://`));
    expect(await run('kubectl debug web --image=busybox -c web --profile=general')).toBe('The Pod "web" is invalid: spec.ephemeralContainers[2].name: Duplicate value: "web"\n');
    expect(await run('kubectl patch pod web --subresource=ephemeralcontainers --type=json -p=\'[{"op":"remove","path":"/spec/ephemeralContainers/0"}]\'')).toContain(`Forbidden: existing ephemeral containers "${name}" may not be removed`);
  }, 60_000);
});
