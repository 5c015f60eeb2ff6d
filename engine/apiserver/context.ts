import type { Runtime } from '../base/runtime.ts';
import type { Registry } from '../api/registry.ts';
import type { ApiRequest, ApiResponse } from '../api/transport.ts';
import type { KObject, ResourceDef } from '../api/types.ts';
import type { AdmissionChain } from './admission/chain.ts';
import type { ClusterView } from './admission/types.ts';
import type { UserInfo } from './authn/types.ts';
import type { Attributes } from './authz/types.ts';
import type { PolicyRule } from './authz/rbac-rules.ts';
import type { RequestInfo } from './request-info.ts';
import type { Storage } from './storage/storage.ts';

/** RestHooks are per-kind steps of the REST layer that are not strategy: allocation, graceful deletion… */
export interface RestHooks {
  /** beforeCreate runs after validation, before storage (Service IP and NodePort allocation). */
  beforeCreate?(obj: KObject, ctx: ServerContext): void;
  beforeUpdate?(obj: KObject, old: KObject, ctx: ServerContext): void;
  /** afterDelete releases what beforeCreate took. */
  afterDelete?(obj: KObject, ctx: ServerContext): void;
}

/** ServerContext is what handlers share: the apiserver's parts. */
export interface ServerContext {
  runtime: Runtime;
  registry: Registry;
  storage: Storage;
  admission: AdmissionChain;
  view: ClusterView;
  hooks: Record<string, RestHooks>;
  /** serviceClusterIPRange and serviceNodePortRange from the apiserver's flags */
  serviceCidr: string;
  nodePortRange: [number, number];
  /** external address shown in /api's serverAddressByClientCIDRs */
  advertiseAddress: string;
  /**
   * connectors serve subresources that reach past the apiserver ("pods/log",
   * "pods/exec", "serviceaccounts/token"…), wired by the composition root.
   */
  connectors: Record<string, (ctx: ServerContext, s: RequestScope) => ApiResponse>;
  /** authorize asks the authorizer chain (access reviews use it). */
  authorize(a: Attributes): { allowed: boolean; reason: string };
  /** authenticateToken checks a bearer token (TokenReview). */
  authenticateToken(token: string): UserInfo | undefined;
  /** rules lists the RBAC rules of a user in a namespace (SelfSubjectRulesReview). */
  rules(user: UserInfo, namespace: string): PolicyRule[];
}

/** RequestScope is one request after routing and authentication. */
export interface RequestScope {
  req: ApiRequest;
  info: RequestInfo;
  def: ResourceDef;
  user: UserInfo;
  dryRun: boolean;
  warnings: string[];
}
