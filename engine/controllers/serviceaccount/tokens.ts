import { btoaUtf8 } from '../../base/base64.ts';
import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import { issueServiceAccountToken, legacyTokenClaims } from '../../pki/index.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isConflict, isNotFound } from '../base/errors.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';

/** The Secret type and annotations that tie a token Secret to its ServiceAccount (core/v1 constants). */
export const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';
export const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
export const SA_UID_ANNOTATION = 'kubernetes.io/service-account.uid';

const isTokenSecret = (o: KObject) => (o as { type?: string }).type === SA_TOKEN_TYPE;

/**
 * startTokensController runs pkg/controller/serviceaccount's TokensController
 * (kube-controller-manager signs with --service-account-private-key-file):
 * a Secret of type kubernetes.io/service-account-token gets ca.crt (the
 * --root-ca-file), namespace and a legacy token for the ServiceAccount its
 * annotation names, plus that account's UID annotation. A token Secret whose
 * account is missing (or has another UID) is deleted, and deleting an account
 * deletes its token Secrets.
 */
export function startTokensController(ctx: ControllerContext): Controller {
  const key = ctx.options.serviceAccountKey;
  const ca = ctx.options.caCertPem;
  const saInf = ctx.informers.informer(R.serviceaccounts);
  const secretInf = ctx.informers.informer(R.secrets);
  const secrets = new WorkQueue(ctx.runtime, 'serviceaccount_tokens_secret', syncSecret);
  const accounts = new WorkQueue(ctx.runtime, 'serviceaccount_tokens_service', syncServiceAccount);
  const stop = () => {
    secrets.stop();
    accounts.stop();
  };
  // Without a signing key kube-controller-manager does not start this controller.
  if (!key) return { stop };
  const onSecret = (o: KObject) => isTokenSecret(o) && secrets.add(keyOf(o));
  secretInf.on({ add: onSecret, update: (_o, n) => onSecret(n) });
  // The key carries the UID, so a deleted account is told apart from a new one of the same name.
  saInf.on({ delete: (o) => accounts.add(`${keyOf(o)}/${o.metadata.uid ?? ''}`) });

  /** account is the ServiceAccount a token Secret names, read live on a cache miss (the Secret may be newer than the cache). */
  function account(ns: string, name: string, uid: string): KObject | undefined {
    let sa = saInf.get(ns, name);
    if (!sa) {
      try {
        sa = ctx.client.get(R.serviceaccounts, ns, name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
        return undefined;
      }
    }
    if (uid && sa.metadata.uid !== uid) return undefined;
    return sa;
  }

  function deleteSecret(ns: string, name: string): void {
    try {
      ctx.client.delete(R.secrets, ns, name);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  function syncSecret(k: string): void {
    const [ns, name] = splitKey(k);
    const cached = secretInf.get(ns, name);
    if (!cached || !isTokenSecret(cached) || cached.metadata.deletionTimestamp) return;
    const ann = cached.metadata.annotations ?? {};
    const sa = account(ns!, ann[SA_NAME_ANNOTATION] ?? '', ann[SA_UID_ANNOTATION] ?? '');
    if (!sa) {
      deleteSecret(ns!, name);
      return;
    }
    let live: KObject;
    try {
      live = ctx.client.get(R.secrets, ns, name);
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    const data = { ...((live as { data?: Record<string, string> }).data ?? {}) };
    const needsCa = !!ca && data['ca.crt'] !== btoaUtf8(ca);
    const needsNamespace = !data['namespace'];
    const needsToken = !data['token'];
    if (!needsCa && !needsNamespace && !needsToken) return;
    if (needsCa) data['ca.crt'] = btoaUtf8(ca!);
    if (needsNamespace) data['namespace'] = btoaUtf8(ns!);
    if (needsToken) {
      const claims = legacyTokenClaims({ namespace: ns!, name: sa.metadata.name!, uid: sa.metadata.uid ?? '', secretName: name });
      data['token'] = btoaUtf8(issueServiceAccountToken(claims, key!));
    }
    const annotations = { ...(live.metadata.annotations ?? {}), [SA_NAME_ANNOTATION]: sa.metadata.name!, [SA_UID_ANNOTATION]: sa.metadata.uid ?? '' };
    try {
      ctx.client.update(R.secrets, { ...live, metadata: { ...live.metadata, annotations }, data } as KObject);
    } catch (err) {
      // Changed or gone meanwhile: the informer brings the new state back through the queue.
      if (!isConflict(err) && !isNotFound(err)) throw err;
      if (isConflict(err)) secrets.addRateLimited(k);
    }
  }

  function syncServiceAccount(k: string): void {
    const cut = k.lastIndexOf('/');
    const [ns, name] = splitKey(k.slice(0, cut));
    const uid = k.slice(cut + 1);
    if (account(ns!, name, uid)) return;
    for (const s of secretInf.list(ns)) {
      if (!isTokenSecret(s)) continue;
      const ann = s.metadata.annotations ?? {};
      if (ann[SA_NAME_ANNOTATION] !== name) continue;
      if (ann[SA_UID_ANNOTATION] && uid && ann[SA_UID_ANNOTATION] !== uid) continue;
      deleteSecret(ns!, s.metadata.name!);
    }
  }

  return { stop };
}
