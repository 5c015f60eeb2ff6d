import type { KObject } from '../../../api/types.ts';
import { parseGoDuration } from '../../../base/go-duration.ts';
import type { HelmRun } from '../program.ts';
import { str } from './args.ts';
import type { Kube } from './actions.ts';
import type { ManifestDoc } from '../chart/render.ts';

/** parseDuration reads helm's --timeout (Go durations: 5m0s, 90s, 1h; refused when parsed if bad); default 5 minutes. */
export function parseDuration(s: string | undefined): number {
  return (s && parseGoDuration(s)) || 5 * 60_000;
}

function ready(obj: KObject): boolean {
  const spec = (obj as { spec?: { replicas?: number } }).spec;
  const st = (obj.status ?? {}) as { readyReplicas?: number; availableReplicas?: number; numberReady?: number; desiredNumberScheduled?: number; updatedReplicas?: number };
  if (obj.kind === 'Deployment') return (st.availableReplicas ?? 0) >= (spec?.replicas ?? 1) && (st.updatedReplicas ?? 0) >= (spec?.replicas ?? 1);
  if (obj.kind === 'StatefulSet') return (st.readyReplicas ?? 0) >= (spec?.replicas ?? 1);
  if (obj.kind === 'DaemonSet') return (st.numberReady ?? 0) >= (st.desiredNumberScheduled ?? 0);
  return true;
}

/**
 * waitReady is --wait: until every Deployment, StatefulSet and DaemonSet of
 * the release is ready, or --timeout passes (helm's "context deadline
 * exceeded"). Answers the error, or undefined.
 */
export async function waitReady(r: HelmRun, k: Kube, docs: ManifestDoc[], namespace: string): Promise<string | undefined> {
  const watched = docs.filter((d) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(d.obj.kind ?? ''));
  const limit = parseDuration(str(r.a, 'timeout'));
  for (let waited = 0; ; waited += 2000) {
    const pending = watched.filter((d) => {
      try {
        const ref = k.discovery.byKind(d.obj.apiVersion ?? '', d.obj.kind ?? '');
        return !ref || !ready(k.client.get(ref, d.obj.metadata?.namespace ?? namespace, d.obj.metadata?.name ?? ''));
      } catch {
        return true;
      }
    });
    if (pending.length === 0) return undefined;
    if (waited >= limit) return 'context deadline exceeded';
    if (!(await r.p.sys.sleep(2000, r.p.signal))) return 'context canceled';
  }
}
