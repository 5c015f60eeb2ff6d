import { deepEqual } from '../../../base/deep.ts';
import type { KObject } from '../../../api/types.ts';
import type { AdmissionPlugin, AdmissionRequest, ClusterView } from '../types.ts';
import { isPodWrite, list, rec, rejected, specOf, str } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'RuntimeClass';

function runtimeClassOf(req: AdmissionRequest, view: ClusterView): KObject | undefined {
  const name = str(rec(req.object!.spec).runtimeClassName);
  if (!name) return undefined;
  const rc = view.get('node.k8s.io', 'runtimeclasses', undefined, name);
  if (!rc) throw rejected(req, `pod rejected: RuntimeClass "${name}" not found`);
  return rc;
}

/**
 * runtimeClass checks that a new pod's runtimeClassName exists, copies the
 * class's pod overhead into spec.overhead and merges its scheduling
 * nodeSelector and tolerations into the pod.
 */
export function runtimeClass(): AdmissionPlugin {
  return {
    name: NAME,
    admit(req, view) {
      if (!isPodWrite(req, ['CREATE'])) return;
      const rc = runtimeClassOf(req, view);
      if (!rc) return;
      const spec = specOf(req.object!);
      const fixed = rec(rec(rc.overhead).podFixed);
      if (Object.keys(fixed).length) {
        if (spec.overhead !== undefined && !deepEqual(spec.overhead, fixed)) throw rejected(req, "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead");
        spec.overhead = { ...fixed };
      }
      const sched = rec(rc.scheduling);
      const sel = rec(sched.nodeSelector) as Record<string, string>;
      if (Object.keys(sel).length) {
        const mine = { ...(rec(spec.nodeSelector) as Record<string, string>) };
        for (const [k, v] of Object.entries(sel)) {
          if (k in mine && mine[k] !== v) throw rejected(req, `conflict: runtimeClass.scheduling.nodeSelector[${k}] = ${v}; pod.spec.nodeSelector[${k}] = ${mine[k]}`);
          mine[k] = v;
        }
        spec.nodeSelector = mine;
      }
      const extra = list(sched.tolerations);
      if (extra.length) {
        const tols = list(spec.tolerations);
        for (const t of extra) if (!tols.some((x) => deepEqual(x, t))) tols.push({ ...t });
        spec.tolerations = tols;
      }
    },
    validate(req, view) {
      if (!isPodWrite(req, ['CREATE'])) return;
      const rc = runtimeClassOf(req, view);
      const overhead = rec(req.object!.spec).overhead;
      if (overhead === undefined) return;
      const fixed = rc ? rec(rec(rc.overhead).podFixed) : {};
      if (!rc || !Object.keys(fixed).length) throw rejected(req, 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead');
      if (!deepEqual(overhead, fixed)) throw rejected(req, "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead");
    },
  };
}
