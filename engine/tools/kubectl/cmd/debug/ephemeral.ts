import type { KObject } from '../../../../api/types.ts';
import { isStatusError } from '../../../../base/errors.ts';
import type { RunContext } from '../../cli/command.ts';
import type { ApiResource } from '../../discovery.ts';
import { WrappedError } from '../create/common.ts';
import { waitForPod } from '../run/attach.ts';
import { applyProfile } from './profiles.ts';
import { debugContainer, type Options } from './options.ts';

/** EphemeralOptions are the debug flags an ephemeral container is made from, with its target. */
export type EphemeralOptions = Omit<Options, 'attach' | 'copyTo'> & { target: string };

interface EphemeralStatus {
  name: string;
  state?: { running?: unknown; terminated?: unknown };
}

/**
 * addEphemeralContainer is debugByEphemeralContainer: the pod gets one more
 * container through its ephemeralcontainers subresource (a strategic merge
 * patch); a cluster without the subresource answers 404 with no name, which
 * kubectl reports as ephemeral containers being disabled.
 */
export function addEphemeralContainer(c: RunContext, pods: ApiResource, pod: KObject, o: EphemeralOptions): { pod: KObject; container: string } {
  let name = o.container;
  if (!name) {
    name = `debugger-${c.proc.sys.runtime.rand.nameSuffix()}`;
    if (!o.quiet) c.out(`Defaulting debug container name to ${name}.\n`);
  }
  const ctr = debugContainer(o, name, true);
  if (o.target) ctr.targetContainerName = o.target;
  // The profile shapes the new container as it would a debugging pod's own container.
  const shaped: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [ctr] } as unknown as KObject['spec'] };
  applyProfile(o.profile, 'ephemeral', shaped, name);
  const existing = ((pod.spec as { ephemeralContainers?: unknown[] } | undefined)?.ephemeralContainers ?? []) as unknown[];
  try {
    const patched = c.f.client().patch(pods, pod.metadata.namespace, pod.metadata.name ?? '', 'strategic', { spec: { ephemeralContainers: [...existing, ctr] } }, { sub: 'ephemeralcontainers' });
    return { pod: patched, container: name };
  } catch (e) {
    if (isStatusError(e) && e.status.reason === 'NotFound' && !e.status.details?.name) {
      throw new WrappedError(`ephemeral containers are disabled for this cluster (error from server: "${e.status.message ?? ''}").`);
    }
    throw e;
  }
}

/** waitForEphemeral waits until the kubelet has started (or finished) the ephemeral container. */
export function waitForEphemeral(c: RunContext, pod: KObject, container: string): Promise<KObject | undefined> {
  const statusOf = (p: KObject) => ((p.status as { ephemeralContainerStatuses?: EphemeralStatus[] } | undefined)?.ephemeralContainerStatuses ?? []).find((s) => s.name === container);
  return waitForPod(c, pod.metadata.namespace ?? c.f.namespace(), pod.metadata.name ?? '', (p) => {
    const st = statusOf(p)?.state;
    return !!(st?.running || st?.terminated);
  }, 60_000);
}
