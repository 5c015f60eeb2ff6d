import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isAlreadyExists, isNotFound } from '../base/errors.ts';
import { WorkQueue } from '../base/workqueue.ts';

/** ROOT_CA_CONFIGMAP is the ConfigMap every namespace gets (RootCACertConfigMapName). */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** DESCRIPTION is the kubernetes.io/description annotation the publisher sets. */
export const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * startRootCaPublisher runs pkg/controller/certificates/rootcacertpublisher:
 * every active namespace holds ConfigMap kube-root-ca.crt with the cluster
 * CA as ca.crt, rewritten when changed and recreated when deleted.
 */
export function startRootCaPublisher(ctx: ControllerContext): Controller {
  const ca = ctx.options.caCertPem;
  const nsInf = ctx.informers.informer(R.namespaces);
  const cmInf = ctx.informers.informer(R.configmaps);
  const queue = new WorkQueue(ctx.runtime, 'root_ca_cert_publisher', sync);
  if (!ca) return { stop: () => queue.stop() };
  nsInf.on({ add: (o) => queue.add(o.metadata.name!), update: (_o, n) => queue.add(n.metadata.name!) });
  const onCm = (o: KObject) => o.metadata.name === ROOT_CA_CONFIGMAP && queue.add(o.metadata.namespace!);
  cmInf.on({ update: (_o, n) => onCm(n), delete: onCm });

  function sync(ns: string): void {
    const n = nsInf.get(undefined, ns);
    if (!n || n.metadata.deletionTimestamp) return;
    const data = { 'ca.crt': ca! };
    const cm = cmInf.get(ns, ROOT_CA_CONFIGMAP);
    try {
      if (!cm) {
        ctx.client.create(R.configmaps, ns, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, annotations: { 'kubernetes.io/description': DESCRIPTION } }, data });
        return;
      }
      const cur = cm.data as Record<string, string> | undefined;
      const ann = cm.metadata.annotations ?? {};
      if (cur && Object.keys(cur).length === 1 && cur['ca.crt'] === ca && ann['kubernetes.io/description'] === DESCRIPTION) return;
      ctx.client.update(R.configmaps, { ...cm, metadata: { ...cm.metadata, annotations: { ...ann, 'kubernetes.io/description': DESCRIPTION } }, data });
    } catch (err) {
      if (!isAlreadyExists(err) && !isNotFound(err) && !String(err).includes('terminat')) throw err;
    }
  }
  return { stop: () => queue.stop() };
}
