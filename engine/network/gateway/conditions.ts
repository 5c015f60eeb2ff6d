/**
 * The status conditions NGINX Gateway Fabric writes, with its reasons and
 * messages (internal/mode/static/state/conditions in its sources), and the
 * way it merges them: defaults first, then what went wrong, the last
 * condition of each type winning.
 */

/** Cond is a condition before the controller stamps generation and time on it. */
export interface Cond {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
}

const c = (type: string, ok: boolean, reason: string, message: string): Cond => ({ type, status: ok ? 'True' : 'False', reason, message });

/** dedupe keeps the last condition of each type, ordered by where each type last appeared (NGF's DeduplicateConditions). */
export function dedupe(conds: Cond[]): Cond[] {
  const seen = new Set<string>();
  const out: Cond[] = [];
  for (let i = conds.length - 1; i >= 0; i--) {
    if (seen.has(conds[i]!.type)) continue;
    seen.add(conds[i]!.type);
    out.unshift(conds[i]!);
  }
  return out;
}

export const gatewayClassConds = (): Cond[] => [c('Accepted', true, 'Accepted', 'GatewayClass is accepted'), c('SupportedVersion', true, 'SupportedVersion', 'Gateway API CRD versions are supported')];

export const gatewayDefaults = (): Cond[] => [c('Accepted', true, 'Accepted', 'Gateway is accepted'), c('Programmed', true, 'Programmed', 'Gateway is programmed')];
/** some listeners are invalid: still accepted */
export const gatewaySomeListenersInvalid = (): Cond[] => [c('Accepted', true, 'ListenersNotValid', 'Gateway has at least one valid listener')];
/** every listener is invalid */
export const gatewayNoValidListeners = (): Cond[] => [c('Accepted', false, 'ListenersNotValid', 'Gateway has no valid listeners'), c('Programmed', false, 'Invalid', 'Gateway has no valid listeners')];

export const listenerDefaults = (): Cond[] => [
  c('Accepted', true, 'Accepted', 'Listener is accepted'),
  c('Programmed', true, 'Programmed', 'Listener is programmed'),
  c('ResolvedRefs', true, 'ResolvedRefs', 'All references are resolved'),
  c('Conflicted', false, 'NoConflicts', 'No conflicts'),
];
/** an HTTPS listener whose certificate Secret is missing or not a TLS Secret */
export const listenerInvalidCertificateRef = (msg: string): Cond[] => [c('Accepted', false, 'InvalidCertificateRef', msg), c('ResolvedRefs', false, 'InvalidCertificateRef', msg), c('Programmed', false, 'Invalid', msg)];
/** a listener field with a value the controller cannot serve (an HTTPS listener without tls) */
export const listenerUnsupportedValue = (msg: string): Cond[] => [c('Accepted', false, 'UnsupportedValue', msg), c('Programmed', false, 'Invalid', msg)];
/** an HTTPS listener whose certificate Secret is in another namespace that no ReferenceGrant opens */
export const listenerRefNotPermitted = (msg: string): Cond[] => [c('Accepted', false, 'RefNotPermitted', msg), c('ResolvedRefs', false, 'RefNotPermitted', msg), c('Programmed', false, 'Invalid', msg)];

export const routeDefaults = (): Cond[] => [c('Accepted', true, 'Accepted', 'The route is accepted'), c('ResolvedRefs', true, 'ResolvedRefs', 'All references are resolved')];
export const routeNotAllowedByListeners = (): Cond => c('Accepted', false, 'NotAllowedByListeners', 'HTTPRoute is not allowed by any listener');
export const routeNoMatchingListenerHostname = (): Cond => c('Accepted', false, 'NoMatchingListenerHostname', 'Listener hostname does not match the HTTPRoute hostnames');
export const routeNoMatchingParent = (): Cond => c('Accepted', false, 'NoMatchingParent', 'Listener is not found for this parent ref');
export const routeInvalidListener = (): Cond => c('Accepted', false, 'InvalidListener', 'Listener is invalid for this parent ref');
export const routeBackendNotFound = (msg: string): Cond => c('ResolvedRefs', false, 'BackendNotFound', msg);
export const routeRefNotPermitted = (msg: string): Cond => c('ResolvedRefs', false, 'RefNotPermitted', msg);
export const routeInvalidKind = (msg: string): Cond => c('ResolvedRefs', false, 'InvalidKind', msg);
