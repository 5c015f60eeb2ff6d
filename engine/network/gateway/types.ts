/** The parts of the Gateway API (gateway.networking.k8s.io/v1) the lab's gateway controller reads. */

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  generation?: number;
  annotations?: Record<string, string>;
}

export interface GatewayClass {
  metadata: ObjectMeta;
  spec?: { controllerName?: string };
  status?: unknown;
}

export interface GatewayListener {
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  tls?: { mode?: string; certificateRefs?: { name: string; namespace?: string; kind?: string }[] };
  allowedRoutes?: { namespaces?: { from?: 'Same' | 'All' | 'Selector'; selector?: { matchLabels?: Record<string, string> } } };
}

export interface Gateway {
  metadata: ObjectMeta;
  spec?: { gatewayClassName?: string; listeners?: GatewayListener[]; addresses?: { type?: string; value: string }[] };
  status?: unknown;
}

export interface ParentRef {
  name: string;
  namespace?: string;
  sectionName?: string;
  port?: number;
  group?: string;
  kind?: string;
}

export interface BackendRef {
  name: string;
  namespace?: string;
  port?: number;
  weight?: number;
  kind?: string;
  group?: string;
}

export interface HttpRouteMatch {
  path?: { type?: 'Exact' | 'PathPrefix' | 'RegularExpression'; value?: string };
  headers?: { type?: 'Exact' | 'RegularExpression'; name: string; value: string }[];
  queryParams?: { type?: 'Exact' | 'RegularExpression'; name: string; value: string }[];
  method?: string;
}

export interface HttpRouteFilter {
  type: 'RequestHeaderModifier' | 'ResponseHeaderModifier' | 'RequestRedirect' | 'URLRewrite' | 'RequestMirror' | 'ExtensionRef';
  requestHeaderModifier?: { set?: { name: string; value: string }[]; add?: { name: string; value: string }[]; remove?: string[] };
  responseHeaderModifier?: { set?: { name: string; value: string }[]; add?: { name: string; value: string }[]; remove?: string[] };
  requestRedirect?: { scheme?: string; hostname?: string; port?: number; statusCode?: number; path?: { type: 'ReplaceFullPath' | 'ReplacePrefixMatch'; replaceFullPath?: string; replacePrefixMatch?: string } };
  urlRewrite?: { hostname?: string; path?: { type: 'ReplaceFullPath' | 'ReplacePrefixMatch'; replaceFullPath?: string; replacePrefixMatch?: string } };
}

export interface HttpRouteRule {
  matches?: HttpRouteMatch[];
  filters?: HttpRouteFilter[];
  backendRefs?: (BackendRef & { filters?: HttpRouteFilter[] })[];
}

export interface HttpRoute {
  metadata: ObjectMeta;
  spec?: { parentRefs?: ParentRef[]; hostnames?: string[]; rules?: HttpRouteRule[] };
  status?: unknown;
}

/** ReferenceGrant (v1beta1): lets objects of the `from` namespaces refer to the `to` objects of its own namespace. */
export interface ReferenceGrant {
  metadata: ObjectMeta;
  spec?: { from?: { group?: string; kind?: string; namespace?: string }[]; to?: { group?: string; kind?: string; name?: string }[] };
}
