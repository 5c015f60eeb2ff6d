import type { Secret, Service } from 'kubernetes-types/core/v1';
import { atobUtf8 } from '../../base/base64.ts';
import {
  dedupe,
  listenerDefaults,
  listenerInvalidCertificateRef,
  listenerRefNotPermitted,
  listenerUnsupportedValue,
  routeBackendNotFound,
  routeInvalidKind,
  routeInvalidListener,
  routeNoMatchingListenerHostname,
  routeNoMatchingParent,
  routeNotAllowedByListeners,
  routeRefNotPermitted,
  type Cond,
} from './conditions.ts';
import { hostnameMatches } from './match.ts';
import type { BackendRef, Gateway, GatewayListener, HttpRoute, ParentRef, ReferenceGrant } from './types.ts';

/**
 * How the controller judges what it is given, as NGINX Gateway Fabric builds
 * its graph: which listeners are valid (an HTTPS listener needs a TLS Secret
 * it may read), which listeners a route's parentRef attaches to (and why not),
 * and whether a backendRef resolves to a Service port it may reach.
 */

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** Lookup is the controller's cache, as the resolver reads it. */
export interface Lookup {
  secret(ns: string, name: string): Secret | undefined;
  service(ns: string, name: string): Service | undefined;
  namespaceLabels(ns: string): Record<string, string>;
  grants(ns: string): ReferenceGrant[];
}

/** refAllowed: a reference from (group, kind) in namespace `fromNs` to (group, kind, name) in `toNs` is allowed by a ReferenceGrant in `toNs`, or is in the same namespace. */
export function refAllowed(look: Lookup, from: { group: string; kind: string; ns: string }, to: { group: string; kind: string; ns: string; name: string }): boolean {
  if (from.ns === to.ns) return true;
  return look.grants(to.ns).some(
    (g) =>
      (g.spec?.from ?? []).some((f) => (f.group ?? '') === from.group && f.kind === from.kind && f.namespace === from.ns) &&
      (g.spec?.to ?? []).some((t) => (t.group ?? '') === to.group && t.kind === to.kind && (!t.name || t.name === to.name)),
  );
}

/** ListenerState is a listener as judged: its conditions and, for HTTPS, the certificate it serves. */
export interface ListenerState {
  listener: GatewayListener;
  valid: boolean;
  conds: Cond[];
  certPem?: string;
}

/** listenerState validates one listener (HTTPS: its first certificateRef must be a readable kubernetes.io/tls Secret). */
export function listenerState(look: Lookup, gw: Gateway, l: GatewayListener): ListenerState {
  const gwNs = gw.metadata.namespace ?? 'default';
  const bad = (conds: Cond[]): ListenerState => ({ listener: l, valid: false, conds: dedupe([...listenerDefaults(), ...conds]) });
  if (l.protocol !== 'HTTPS') return { listener: l, valid: true, conds: listenerDefaults() };
  const ref = l.tls?.certificateRefs?.[0];
  if (!ref) return bad(listenerUnsupportedValue('tls: Required value: tls must be defined for HTTPS listener'));
  const ns = ref.namespace ?? gwNs;
  const nsName = `${ns}/${ref.name}`;
  if (!refAllowed(look, { group: GATEWAY_GROUP, kind: 'Gateway', ns: gwNs }, { group: '', kind: 'Secret', ns, name: ref.name })) {
    return bad(listenerRefNotPermitted(`Certificate ref to secret ${nsName} not permitted by any ReferenceGrant`));
  }
  const s = look.secret(ns, ref.name);
  const invalid = (why: string) => bad(listenerInvalidCertificateRef(`tls.certificateRefs[0]: Invalid value: ${nsName}: ${why}`));
  if (!s) return invalid('secret does not exist');
  if (s.type !== 'kubernetes.io/tls') return invalid(`secret type must be "kubernetes.io/tls" not "${s.type ?? 'Opaque'}"`);
  const crt = s.data?.['tls.crt'];
  if (!crt) return invalid('TLS secret is invalid: tls: failed to find any PEM data in certificate input');
  return { listener: l, valid: true, conds: listenerDefaults(), certPem: atobUtf8(crt) };
}

function parentSelects(ref: ParentRef, routeNs: string, gw: Gateway, l: GatewayListener): boolean {
  if ((ref.kind ?? 'Gateway') !== 'Gateway') return false;
  if (ref.name !== gw.metadata.name || (ref.namespace ?? routeNs) !== gw.metadata.namespace) return false;
  if (ref.sectionName && ref.sectionName !== l.name) return false;
  if (ref.port && ref.port !== l.port) return false;
  return true;
}

/** namespaceAllowed applies a listener's allowedRoutes.namespaces (Same by default). */
export function namespaceAllowed(look: Lookup, gw: Gateway, l: GatewayListener, routeNs: string): boolean {
  const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return routeNs === gw.metadata.namespace;
  const labels = look.namespaceLabels(routeNs);
  return Object.entries(l.allowedRoutes?.namespaces?.selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

function hostnamesIntersect(l: GatewayListener, hosts: string[]): boolean {
  return !l.hostname || hosts.length === 0 || hosts.some((h) => hostnameMatches(l.hostname, h) || hostnameMatches(h, l.hostname!));
}

/** Attachment is where one parentRef of a route attached: its listeners, or the condition saying why not. */
export interface Attachment {
  listeners: GatewayListener[];
  failed?: Cond;
}

/** attach binds a route's parentRef to a Gateway's listeners in NGF's order of checks. */
export function attach(look: Lookup, route: HttpRoute, ref: ParentRef, gw: Gateway, listeners: ListenerState[]): Attachment {
  const ns = route.metadata.namespace ?? 'default';
  const named = listeners.filter((s) => parentSelects(ref, ns, gw, s.listener));
  if (named.length === 0) return { listeners: [], failed: routeNoMatchingParent() };
  const valid = named.filter((s) => s.valid);
  if (valid.length === 0) return { listeners: [], failed: routeInvalidListener() };
  const allowed = valid.filter((s) => namespaceAllowed(look, gw, s.listener, ns));
  const hosts = route.spec?.hostnames ?? [];
  const attached = allowed.filter((s) => hostnamesIntersect(s.listener, hosts)).map((s) => s.listener);
  if (attached.length) return { listeners: attached };
  return { listeners: [], failed: allowed.length ? routeNoMatchingListenerHostname() : routeNotAllowedByListeners() };
}

/** backendProblem is the ResolvedRefs condition a backendRef earns, or undefined when it resolves. */
export function backendProblem(look: Lookup, route: HttpRoute, rule: number, index: number, ref: BackendRef): Cond | undefined {
  const path = `spec.rules[${rule}].backendRefs[${index}]`;
  const routeNs = route.metadata.namespace ?? 'default';
  if (ref.group !== undefined && ref.group !== '' && ref.group !== 'core') return routeInvalidKind(`${path}.group: Unsupported value: "${ref.group}": supported values: "core", ""`);
  if (ref.kind !== undefined && ref.kind !== 'Service') return routeInvalidKind(`${path}.kind: Unsupported value: "${ref.kind}": supported values: "Service"`);
  const ns = ref.namespace ?? routeNs;
  if (!refAllowed(look, { group: GATEWAY_GROUP, kind: 'HTTPRoute', ns: routeNs }, { group: '', kind: 'Service', ns, name: ref.name })) {
    return routeRefNotPermitted(`Backend ref to Service ${ns}/${ref.name} not permitted by any ReferenceGrant`);
  }
  const svc = look.service(ns, ref.name);
  if (!svc) return routeBackendNotFound(`${path}.name: Not found: "${ref.name}"`);
  if (!(svc.spec?.ports ?? []).some((p) => p.port === ref.port)) return routeBackendNotFound(`no matching port for Service ${ref.name} and port ${ref.port ?? 0}`);
  return undefined;
}
