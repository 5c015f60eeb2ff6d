import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';

/** TTL_ANNOTATION is the node annotation kubelets read to cache secrets and configmaps. */
export const TTL_ANNOTATION = 'node.alpha.kubernetes.io/ttl';

/** ttlFor is the ttl controller's table: 0s up to 100 nodes, then longer as clusters grow. */
export function ttlFor(nodes: number): number {
  if (nodes <= 100) return 0;
  if (nodes <= 500) return 15;
  if (nodes <= 1000) return 30;
  if (nodes <= 2000) return 60;
  return 300;
}

/** startTtlController runs pkg/controller/ttl: every node carries node.alpha.kubernetes.io/ttl for the cluster's size. */
export function startTtlController(ctx: ControllerContext): Controller {
  const nodeInf = ctx.informers.informer(R.nodes);
  const apply = (n: KObject) => {
    const want = String(ttlFor(nodeInf.list().length));
    if (n.metadata.annotations?.[TTL_ANNOTATION] === want) return;
    try {
      ctx.client.patch(R.nodes, undefined, n.metadata.name!, 'merge', { metadata: { annotations: { [TTL_ANNOTATION]: want } } });
    } catch (err) {
      if (!isNotFound(err)) ctx.runtime.onError(err, 'ttl');
    }
  };
  nodeInf.on({ add: apply, update: (_o, n) => apply(n) });
  return { stop: () => {} };
}
