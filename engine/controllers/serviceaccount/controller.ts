import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isAlreadyExists, isNotFound } from '../base/errors.ts';
import { WorkQueue } from '../base/workqueue.ts';

/** DEFAULT_SERVICE_ACCOUNTS are --service-account names kube-controller-manager keeps in every namespace. */
export const DEFAULT_SERVICE_ACCOUNTS = ['default'];

/**
 * startServiceAccountController runs pkg/controller/serviceaccount's
 * ServiceAccountsController: every active namespace gets a "default"
 * ServiceAccount, recreated if it is deleted.
 */
export function startServiceAccountController(ctx: ControllerContext): Controller {
  const nsInf = ctx.informers.informer(R.namespaces);
  const saInf = ctx.informers.informer(R.serviceaccounts);
  const queue = new WorkQueue(ctx.runtime, 'serviceaccount', sync);
  nsInf.on({ add: (o) => queue.add(o.metadata.name!), update: (_o, n) => queue.add(n.metadata.name!) });
  saInf.on({ delete: (o) => DEFAULT_SERVICE_ACCOUNTS.includes(o.metadata.name!) && queue.add(o.metadata.namespace!) });

  function sync(ns: string): void {
    const n = nsInf.get(undefined, ns);
    if (!n || n.metadata.deletionTimestamp || (n.status as { phase?: string } | undefined)?.phase === 'Terminating') return;
    for (const name of DEFAULT_SERVICE_ACCOUNTS) {
      if (saInf.get(ns, name)) continue;
      try {
        ctx.client.create(R.serviceaccounts, ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });
      } catch (err) {
        // Already there (the cache lags) or the namespace went away: nothing to do.
        if (!isAlreadyExists(err) && !isNotFound(err) && !String(err).includes('terminat')) throw err;
      }
    }
  }
  return { stop: () => queue.stop() };
}
