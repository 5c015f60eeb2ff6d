import type { ApiHandler } from '../../api/transport.ts';
import type { Runtime } from '../../base/runtime.ts';
import { ApiClient } from '../../client/client.ts';
import { isNotFound } from '../../controllers/base/errors.ts';
import { R } from '../../client/refs.ts';

const TOKEN_SECONDS = 3600;
const REFRESH_MS = 45 * 60_000;
const RETRY_MS = 5_000;

/**
 * serviceAccountClients is the controller manager's
 * --use-service-account-credentials: each controller talks to the apiserver
 * as its own kube-system ServiceAccount (so RBAC sees "node-controller",
 * "deployment-controller", …), with a token the manager requests for it
 * through the TokenRequest API under its own identity, creating the
 * ServiceAccount first when it is missing, and renewing the token before it
 * expires. A request that fails is retried, as the real client builder does.
 * As client-go's token source, the first token is fetched when the
 * controller first talks to the apiserver, not when its client is built
 * (many controllers stay idle for a long time; each token costs a signature).
 */
export function serviceAccountClients(manager: ApiClient, dial: () => ApiHandler, runtime: Runtime): { clientFor(sa: string): ApiClient; stop(): void } {
  const clients = new Map<string, ApiClient>();
  const timers = new Set<{ cancel(): void }>();
  let stopped = false;

  const refresh = (sa: string, client: ApiClient) => {
    if (stopped) return;
    let next = REFRESH_MS;
    try {
      try {
        manager.get(R.serviceaccounts, 'kube-system', sa);
      } catch (e) {
        if (!isNotFound(e)) throw e;
        manager.create(R.serviceaccounts, 'kube-system', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: 'kube-system' } });
      }
      const tr = manager.create(R.serviceaccounts, 'kube-system', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: TOKEN_SECONDS } }, {}, 'token', sa) as { status?: { token?: string } };
      (client.credentials as { token?: string }).token = tr.status?.token ?? '';
    } catch {
      next = RETRY_MS;
    }
    const t = runtime.after(next, () => {
      timers.delete(t);
      refresh(sa, client);
    }, `kcm token ${sa}`);
    timers.add(t);
  };

  return {
    clientFor(sa: string): ApiClient {
      let c = clients.get(sa);
      if (!c) {
        let fetched = false;
        const client: ApiClient = new ApiClient(() => {
          const handler = dial();
          if (!fetched) {
            fetched = true;
            refresh(sa, client);
          }
          return handler;
        }, { token: '' });
        c = client;
        clients.set(sa, c);
      }
      return c;
    },
    stop() {
      stopped = true;
      for (const t of timers) t.cancel();
      timers.clear();
    },
  };
}
