import type { FieldError } from '../base/errors.ts';

/**
 * The shapes every resource shares, and ResourceDef: the one row per kind that
 * the apiserver, kubectl, the printers, api-resources, explain, the editor's
 * schema and the topology graph all read.
 */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
}

/** KObject is any Kubernetes object as JSON. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface KList {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: KObject[];
}

/** ColumnDef is metav1.TableColumnDefinition; priority 1 columns show only with -o wide. */
export interface ColumnDef {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: 'name' | string;
  description: string;
  priority: 0 | 1;
}

/** Cell values of a table row (strings, numbers, booleans, or null for <none>-like gaps). */
export type Cell = string | number | boolean | null;

export interface PrintContext {
  /** now is the simulated time, for AGE columns */
  now: number;
  /**
   * since renders the age of time t ("<unknown>" when absent), as
   * translateTimestampSince(t, now) does; a context that caches rows provides
   * it to learn how long the text holds (see apiserver/table-rows.ts).
   */
  since?(t: number | undefined): string;
}

/** Scale describes where a kind keeps its replicas for the scale subresource. */
export interface ScaleDef {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

/** DefaultContext gives defaulting what it may depend on. */
export interface DefaultContext {
  /** the namespace of the request */
  namespace?: string;
}

export interface ValidateContext {
  /** the whole registry, for kinds that validate references to others */
  now: number;
}

/**
 * ResourceDef is one kind of the API. Adding a kind is adding a ResourceDef to
 * engine/api/registry.ts (and a controller, if it has one).
 */
export interface ResourceDef {
  group: string;
  version: string;
  kind: string;
  /** plural is the resource name in URLs, RBAC and kubectl: "pods", "deployments". */
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  categories: string[];
  /** verbs as discovery lists them */
  verbs: string[];
  /**
   * storagePrefix is the etcd key prefix the real apiserver uses, without the
   * trailing slash: "/registry/pods", "/registry/services/specs", "/registry/minions".
   */
  storagePrefix: string;
  /** subresources served besides the object itself ("status", "scale", "log", "exec", "binding", "eviction"…). */
  subresources: string[];
  scale?: ScaleDef;
  /** columns of the server-side Table (kubectl get). */
  columns: ColumnDef[];
  /** row computes the cells of one object, one per column. */
  row(obj: KObject, ctx: PrintContext): Cell[];
  /** fields answers field selectors: the fields this kind supports, with their values. */
  fields?(obj: KObject): Record<string, string>;
  /** defaults fills in what the apiserver's defaulting fills in (mutates obj). */
  defaults?(obj: KObject, ctx: DefaultContext): void;
  /** defaultStatus is the part of defaults that fills in status: it runs on writes of the status subresource too (mutates obj.status). */
  defaultStatus?(obj: KObject): void;
  /**
   * validate returns ALL the apiserver's field errors for a create (and, with old,
   * an update), ObjectMeta's included (name, namespace, labels, annotations).
   * Kinds without validate get the generic ObjectMeta checks only.
   */
  validate?(obj: KObject, old: KObject | undefined, ctx: ValidateContext): FieldError[];
  /**
   * prepareForCreate and prepareForUpdate are the registry strategy hooks:
   * status is reset or kept, generation set or bumped (mutate obj);
   * requester is the authenticated user making the request (a
   * CertificateSigningRequest records it).
   */
  prepareForCreate?(obj: KObject, requester?: { name: string; uid?: string; groups: string[]; extra?: Record<string, string[]> }): void;
  prepareForUpdate?(obj: KObject, old: KObject): void;
  /** hasStatus: the main resource ignores status changes and the status subresource ignores the rest. */
  hasStatus?: boolean;
  /** statusKeepsLabels: an update of the status subresource may also change labels and annotations (nodes: flannel annotates through it) */
  statusKeepsLabels?: boolean;
  /** custom marks kinds registered at run time by a CustomResourceDefinition. */
  custom?: boolean;
  /** openApiSchema is a custom kind's openAPIV3Schema from its CRD (served in the OpenAPI documents, read by kubectl explain). */
  openApiSchema?: Record<string, unknown>;
  /** preferred is false for a version served only for compatibility (autoscaling/v1 next to v2). */
  preferred?: boolean;
  /**
   * deprecated: the Kubernetes minor version from which this version of the
   * kind is deprecated, and its replacement; every request to it then
   * carries the apiserver's warning ("v1 Endpoints is deprecated in v1.33+;
   * use discovery.k8s.io/v1 EndpointSlice").
   */
  deprecated?: { since: [number, number]; replacement?: string };
}

/** apiVersionOf renders group/version as apiVersion ("v1", "apps/v1"). */
export function apiVersionOf(def: Pick<ResourceDef, 'group' | 'version'>): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

/** groupResource is how errors name a resource: "pods", "deployments.apps". */
export function groupResource(def: Pick<ResourceDef, 'group' | 'plural'>): { group: string; resource: string } {
  return { group: def.group, resource: def.plural };
}
