import type { AdmissionPlugin } from '../types.ts';
import { isPodWrite, list, specOf, str } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'DefaultTolerationSeconds';
/** NOT_READY and UNREACHABLE are the node condition taints the pods tolerate for a while. */
export const NOT_READY = 'node.kubernetes.io/not-ready';
export const UNREACHABLE = 'node.kubernetes.io/unreachable';

/**
 * defaultTolerationSeconds adds NoExecute tolerations of 300 s for the
 * not-ready and unreachable taints to pods that do not already tolerate them
 * (--default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds).
 */
export function defaultTolerationSeconds(notReadySeconds = 300, unreachableSeconds = 300): AdmissionPlugin {
  return {
    name: NAME,
    admit(req) {
      if (!isPodWrite(req)) return;
      const spec = specOf(req.object!);
      const tols = list(spec.tolerations);
      const tolerates = (key: string) => tols.some((t) => (str(t.key) === key || !str(t.key)) && (str(t.effect) === 'NoExecute' || !str(t.effect)));
      const add: Record<string, unknown>[] = [];
      if (!tolerates(NOT_READY)) add.push({ effect: 'NoExecute', key: NOT_READY, operator: 'Exists', tolerationSeconds: notReadySeconds });
      if (!tolerates(UNREACHABLE)) add.push({ effect: 'NoExecute', key: UNREACHABLE, operator: 'Exists', tolerationSeconds: unreachableSeconds });
      if (add.length) spec.tolerations = [...tols, ...add];
    },
  };
}
