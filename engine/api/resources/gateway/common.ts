import type { ResourceDef } from '../../types.ts';
import { list, rec, str } from '../../validation/util.ts';
import { ALL_VERBS } from '../common.ts';

/**
 * Gateway API kinds are CustomResourceDefinitions installed by an add-on;
 * these rows mirror the CRDs' names and printer columns (custom: true), so the
 * cluster can register them when the add-on is installed.
 */

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** gatewayBase fills the coordinates every Gateway API kind shares. */
export function gatewayBase(plural: string): Pick<ResourceDef, 'group' | 'verbs' | 'storagePrefix' | 'categories' | 'custom'> {
  return { group: GATEWAY_GROUP, verbs: ALL_VERBS, storagePrefix: `/registry/${GATEWAY_GROUP}/${plural}`, categories: ['gateway-api'], custom: true };
}

/** conditionStatus is the JSONPath .status.conditions[?(@.type=="T")].status ("" when absent). */
export function conditionStatus(status: unknown, type: string): string {
  const c = list(rec(status).conditions).find((x) => str(x.type) === type);
  return c ? str(c.status) : '';
}
