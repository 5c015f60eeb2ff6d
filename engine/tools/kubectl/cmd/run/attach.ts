import type { KObject } from '../../../../api/types.ts';
import type { RunContext } from '../../cli/command.ts';
import { parseDuration } from '../../cli/flags.ts';
import { stream, upgrade } from '../exec/stream.ts';
import { deletedLine } from '../delete/deleted-line.ts';
import { ATTACH_NOTICE } from '../attach/attach.ts';

/** waitForPod polls the pod on the simulated clock until ready(pod) or the timeout. */
export async function waitForPod(c: RunContext, ns: string, name: string, ready: (p: KObject) => boolean, timeoutMs: number): Promise<KObject | undefined> {
  const res = c.f.discovery().resolve('pods');
  const deadline = c.proc.sys.runtime.now + timeoutMs;
  for (;;) {
    const p = c.f.client().get(res, ns, name);
    if (ready(p)) return p;
    if (c.proc.sys.runtime.now >= deadline) return undefined;
    if (!(await c.proc.sys.sleep(1000, c.proc.signal))) return undefined;
  }
}

const phase = (p: KObject) => (p.status as { phase?: string } | undefined)?.phase ?? 'Pending';

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash']);

/**
 * attachToPod follows `kubectl run -i/--attach` (and kubectl debug -i): once the pod leaves Pending, the
 * terminal joins the container's process through pods/attach (typed lines
 * reach a shell's prompt; Ctrl-D or `exit` ends it); a pod that is already
 * done shows its log instead. Then --rm deletes the pod.
 */
export async function attachToPod(c: RunContext, pod: KObject, o: { remove?: boolean; container?: string; reportFailure?: boolean; keepRunning?: boolean }): Promise<number> {
  // kubectl run reports a failed pod ("terminated (Error)", exit 1); kubectl debug leaves the session's end alone
  const reportFailure = o.reportFailure !== false;
  const remove = o.remove === true;
  const ns = pod.metadata.namespace ?? c.f.namespace();
  const name = pod.metadata.name ?? '';
  // kubectl debug has no --pod-running-timeout: it waits as long as run's default, a minute.
  const timeout = parseDuration((c.flag<string>('pod-running-timeout') as string | undefined) ?? '1m0s') ?? 60_000;
  const running = await waitForPod(c, ns, name, (p) => phase(p) !== 'Pending', timeout);
  if (!running) {
    c.err('error: timed out waiting for the condition\n');
    return 1;
  }
  const interactive = c.flag<boolean>('stdin');
  const tty = c.flag<boolean>('tty') && interactive;
  type Ctr = { name: string; args?: string[]; command?: string[] };
  const spec = running.spec as { containers?: Ctr[]; ephemeralContainers?: Ctr[] } | undefined;
  const containers = [...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])];
  const container = containers.find((x) => x.name === o.container) ?? containers[0];
  const argv = [...(container?.command ?? []), ...(container?.args ?? [])];
  const res = c.f.discovery().resolve('pods');
  const logs = () => {
    try {
      const resp = c.f.client().raw({ method: 'GET', path: `/api/v1/namespaces/${ns}/pods/${name}/log`, ...(o.container ? { query: { container: o.container } } : {}) });
      if (resp.status < 300 && typeof resp.body === 'string') return resp.body;
    } catch {
      // logs are best effort: the container may be gone already
    }
    return '';
  };
  let attached = false;
  if (phase(running) === 'Running') {
    if (interactive && !c.flag<boolean>('quiet')) c.err(ATTACH_NOTICE);
    // A shell's first prompt is not seen (hence "try pressing enter"); what a quick command printed already is shown.
    const earlier = tty && (argv.length === 0 || SHELLS.has(argv[0]!)) ? '' : logs();
    const resp = upgrade(c, running, 'attach', { container: container?.name ?? name, stdin: String(interactive), stdout: 'true', stderr: String(!tty), tty: String(tty) });
    if (resp.status !== 101) {
      const message = (resp.body as { message?: string } | undefined)?.message ?? String(resp.body);
      c.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${message}\n`);
    } else {
      attached = true;
      c.out(earlier);
      await stream(c, resp, { stdin: interactive, tty });
    }
  }
  // An ephemeral container's pod goes on running after the session (kubectl debug says how to come back).
  if (o.keepRunning) {
    if (!attached) c.out(logs());
    return 0;
  }
  // The pod finishes once its container has; a client that left a still running container does not wait for it.
  const done = await waitForPod(c, ns, name, (p) => ['Succeeded', 'Failed'].includes(phase(p)), attached ? 30_000 : 24 * 3600_000);
  if (!attached) c.out(logs());
  let code = 0;
  if (reportFailure && done && phase(done) === 'Failed') code = 1;
  if (remove) {
    c.f.client().delete(res, ns, name);
    c.out(deletedLine({ kind: 'Pod', namespaced: true }, name, ns, -1, 'none'));
  }
  if (reportFailure && done && phase(done) === 'Failed') c.err(`pod ${ns}/${name} terminated (Error)\n`);
  return code;
}

