import type { KObject } from '../../../api/types.ts';
import type { AdmissionPlugin, ClusterView } from '../types.ts';
import { isResource, rec, rejected, specOf, str } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'Priority';

function defaultClass(view: ClusterView, except?: string): KObject | undefined {
  const defaults = view.list('scheduling.k8s.io', 'priorityclasses').filter((pc) => pc.globalDefault === true && pc.metadata.name !== except);
  // With several defaults (only possible through races), the lowest value wins.
  defaults.sort((a, b) => Number(a.value ?? 0) - Number(b.value ?? 0));
  return defaults[0];
}

/**
 * priority resolves a new pod's priorityClassName (or the globalDefault
 * class) into spec.priority and spec.preemptionPolicy, refuses unknown
 * classes and pods that state a different priority themselves, and allows
 * only one globalDefault PriorityClass.
 */
export function priority(): AdmissionPlugin {
  return {
    name: NAME,
    admit(req, view) {
      if (!isResource(req, '', 'pods') || req.subresource || !req.object) return;
      const spec = specOf(req.object);
      if (req.operation === 'UPDATE') {
        const old = rec(req.oldObject?.spec);
        // Priority was set at creation; keep it when an update omits it.
        if (spec.priority === undefined && old.priority !== undefined) spec.priority = old.priority;
        if (spec.preemptionPolicy === undefined && old.preemptionPolicy !== undefined) spec.preemptionPolicy = old.preemptionPolicy;
        return;
      }
      if (req.operation !== 'CREATE') return;
      let value = 0;
      let policy: string | undefined = 'PreemptLowerPriority';
      const name = str(spec.priorityClassName);
      if (!name) {
        const def = defaultClass(view);
        if (def) {
          spec.priorityClassName = def.metadata.name;
          value = Number(def.value ?? 0);
          policy = typeof def.preemptionPolicy === 'string' ? def.preemptionPolicy : undefined;
        }
      } else {
        const pc = view.get('scheduling.k8s.io', 'priorityclasses', undefined, name);
        if (!pc) throw rejected(req, `no PriorityClass with name ${name} was found`);
        value = Number(pc.value ?? 0);
        policy = typeof pc.preemptionPolicy === 'string' ? pc.preemptionPolicy : undefined;
      }
      if (typeof spec.priority === 'number' && spec.priority !== value) {
        throw rejected(req, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`);
      }
      spec.priority = value;
      if (policy !== undefined) {
        if (typeof spec.preemptionPolicy === 'string' && spec.preemptionPolicy !== policy) {
          throw rejected(req, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
        }
        spec.preemptionPolicy = policy;
      }
    },
    validate(req, view) {
      if (!isResource(req, 'scheduling.k8s.io', 'priorityclasses') || !req.object) return;
      if (req.operation !== 'CREATE' && req.operation !== 'UPDATE') return;
      if (req.object.globalDefault !== true) return;
      const existing = defaultClass(view, req.operation === 'UPDATE' ? req.object.metadata.name : undefined);
      if (existing) throw rejected(req, `PriorityClass ${existing.metadata.name} is already marked as default. Only one default can exist`);
    },
  };
}
