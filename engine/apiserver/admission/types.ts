import type { KObject, ResourceDef } from '../../api/types.ts';
import type { UserInfo } from '../authn/types.ts';

/** ClusterView lets admission plugins read (and, for quota, update) other objects through the apiserver's storage. */
export interface ClusterView {
  get(group: string, plural: string, namespace: string | undefined, name: string): KObject | undefined;
  list(group: string, plural: string, namespace?: string): KObject[];
  /** update writes an object directly to storage (ResourceQuota usage), bypassing admission. */
  updateStatus(group: string, plural: string, obj: KObject): void;
  now(): number;
  /** nameSuffix draws a random suffix (kube-api-access-xxxxx). */
  nameSuffix(n: number): string;
}

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/** AdmissionRequest is admission.Attributes: what is being done, to what, by whom. */
export interface AdmissionRequest {
  operation: Operation;
  def: ResourceDef;
  subresource: string;
  namespace: string;
  name: string;
  /** object is mutable during the mutating phase; absent for DELETE */
  object?: KObject;
  oldObject?: KObject;
  user: UserInfo;
  dryRun: boolean;
  /** warnings collects Warning headers to return to the client */
  warnings: string[];
  /** options of a CONNECT (e.g. exec command) */
  options?: Record<string, unknown>;
}

/**
 * AdmissionPlugin is one admission controller. admit may mutate req.object;
 * validate must not. Either throws a StatusError to reject the request.
 */
export interface AdmissionPlugin {
  name: string;
  admit?(req: AdmissionRequest, view: ClusterView): void;
  validate?(req: AdmissionRequest, view: ClusterView): void;
}
