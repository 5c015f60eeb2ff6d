import type { Handle, ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { Names } from '../names.ts';

const MB = 1024 * 1024;
/** MIN_THRESHOLD and MAX_CONTAINER_THRESHOLD are imagelocality's 23 MiB and 1000 MiB bounds. */
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** normalizedImageName adds ":latest" to an image without a tag, as imagelocality does. */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/')) return `${name}:latest`;
  return name;
}

const imagesOf = new WeakMap<PodInfo, string[]>();

/** podImages are the pod's normalised image names, computed once per pod. */
function podImages(pi: PodInfo): string[] {
  let names = imagesOf.get(pi);
  if (!names) {
    const spec = pi.pod.spec;
    names = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => normalizedImageName(c.image ?? ''));
    imagesOf.set(pi, names);
  }
  return names;
}

function sumImageScores(nodeInfo: NodeInfo, pi: PodInfo, totalNumNodes: number): number {
  if (nodeInfo.imageStates.size === 0) return 0;
  let sum = 0;
  for (const name of podImages(pi)) {
    const st = nodeInfo.imageStates.get(name);
    if (st) sum += Math.trunc(st.size * (st.nodes.size / totalNumNodes));
  }
  return sum;
}

/** ImageLocality favours nodes that already hold the pod's images, scaled by how widely each image is spread. */
export function imageLocality(_args: Record<string, unknown>, h: Handle): ScorePlugin {
  return {
    name: Names.ImageLocality,
    score(_state, pi, nodeInfo) {
      const total = h.snapshot.list().length;
      const n = (pi.pod.spec?.initContainers?.length ?? 0) + (pi.pod.spec?.containers?.length ?? 0);
      const maxThreshold = MAX_CONTAINER_THRESHOLD * n;
      let s = sumImageScores(nodeInfo, pi, total);
      if (s < MIN_THRESHOLD) s = MIN_THRESHOLD;
      else if (s > maxThreshold) s = maxThreshold;
      return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
    },
  };
}
