import type { AdmissionPlugin } from '../types.ts';
import { isResource, list, specOf } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'TaintNodesByCondition';

/** taintNodesByCondition gives every new Node the node.kubernetes.io/not-ready:NoSchedule taint until its kubelet reports Ready. */
export function taintNodesByCondition(): AdmissionPlugin {
  return {
    name: NAME,
    admit(req) {
      if (!isResource(req, '', 'nodes') || req.operation !== 'CREATE' || req.subresource || !req.object) return;
      const spec = specOf(req.object);
      const taints = list(spec.taints);
      if (taints.some((t) => t.key === 'node.kubernetes.io/not-ready' && t.effect === 'NoSchedule')) return;
      spec.taints = [...taints, { effect: 'NoSchedule', key: 'node.kubernetes.io/not-ready' }];
    },
  };
}
