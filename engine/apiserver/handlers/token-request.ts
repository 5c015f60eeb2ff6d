import { rfc3339 } from '../../base/clock.ts';
import { badRequest, invalid, methodNotSupported, notFound } from '../../base/errors.ts';
import { boundTokenClaims, issueServiceAccountToken, parsePrivateKeyPem, type RsaPrivateKey } from '../../pki/index.ts';
import type { ApiResponse } from '../../api/transport.ts';
import type { RequestScope, ServerContext } from '../context.ts';

/** TokenIssuerSettings are kube-apiserver's --service-account-signing-key-file, --service-account-issuer and --service-account-max-token-expiration. */
export interface TokenIssuerSettings {
  signingKeyPem: string;
  issuer: string;
  /** maxExpirationSeconds caps requested lifetimes (0: no cap) */
  maxExpirationSeconds?: number;
}

const MIN_SECONDS = 600;

/**
 * tokenRequestConnector serves POST serviceaccounts/<name>/token (TokenRequest,
 * what `kubectl create token` and the kubelet's projected tokens use): a JWT
 * signed with the ServiceAccount signing key, bound to the ServiceAccount and
 * optionally to a Pod or Secret, for the requested audiences and lifetime.
 */
export function tokenRequestConnector(settings: TokenIssuerSettings): (ctx: ServerContext, s: RequestScope) => ApiResponse {
  let key: RsaPrivateKey | undefined;
  return (ctx, s) => {
    if (s.info.verb !== 'create') throw methodNotSupported({ group: '', resource: 'serviceaccounts/token' }, s.info.verb);
    const ns = s.info.namespace;
    const sa = ctx.storage.storeFor('', 'serviceaccounts')?.get(ns, s.info.name);
    if (!sa) throw notFound({ group: '', resource: 'serviceaccounts' }, s.info.name);
    const body = (s.req.body ?? {}) as { spec?: { audiences?: unknown; expirationSeconds?: unknown; boundObjectRef?: { kind?: string; name?: string; uid?: string } } };
    if (typeof body !== 'object') throw badRequest('the object provided is unrecognized (must be of type TokenRequest)');
    const spec = body.spec ?? {};
    const requested = typeof spec.expirationSeconds === 'number' ? spec.expirationSeconds : 3600;
    if (requested < MIN_SECONDS) {
      throw invalid({ group: 'authentication.k8s.io', kind: 'TokenRequest' }, '', [
        { type: 'FieldValueInvalid', field: 'spec.expirationSeconds', badValue: requested, detail: 'may not specify a duration less than 10 minutes' },
      ]);
    }
    const max = settings.maxExpirationSeconds ?? 0;
    const seconds = max > 0 ? Math.min(requested, max) : requested;
    const audiences = Array.isArray(spec.audiences) && spec.audiences.length ? spec.audiences.map(String) : [settings.issuer];
    const ref = spec.boundObjectRef;
    const bound = ref?.kind && ref.name ? ctx.storage.storeFor('', ref.kind === 'Pod' ? 'pods' : ref.kind === 'Secret' ? 'secrets' : 'nodes')?.get(ref.kind === 'Node' ? undefined : ns, ref.name) : undefined;
    if (ref?.kind && ref.name && !bound) throw notFound({ group: '', resource: ref.kind === 'Pod' ? 'pods' : ref.kind === 'Secret' ? 'secrets' : 'nodes' }, ref.name);
    const now = ctx.runtime.now;
    key ??= parsePrivateKeyPem(settings.signingKeyPem) as RsaPrivateKey;
    const claims = boundTokenClaims({
      now,
      issuer: settings.issuer,
      audiences,
      expirationSeconds: seconds,
      namespace: ns,
      name: s.info.name,
      uid: sa.metadata.uid ?? '',
      pod: ref?.kind === 'Pod' && bound ? { name: ref.name!, uid: bound.metadata.uid ?? '' } : undefined,
      secret: ref?.kind === 'Secret' && bound ? { name: ref.name!, uid: bound.metadata.uid ?? '' } : undefined,
      jti: ctx.runtime.rand.uuid(),
    });
    const token = issueServiceAccountToken(claims, key);
    const exp = (claims.exp as number) * 1000;
    return {
      status: 201,
      body: {
        kind: 'TokenRequest',
        apiVersion: 'authentication.k8s.io/v1',
        metadata: { name: s.info.name, namespace: ns },
        spec: { audiences, expirationSeconds: seconds, boundObjectRef: ref?.kind ? { kind: ref.kind, apiVersion: 'v1', name: ref.name, uid: bound?.metadata.uid } : null },
        status: { token, expirationTimestamp: rfc3339(exp) },
      },
    };
  };
}
