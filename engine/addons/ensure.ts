import type { ApiClient, ResourceRef } from '../client/client.ts';

/** ensure creates an object unless it exists (a restored or hand-edited cluster keeps its own). */
export function ensure(client: ApiClient, ref: ResourceRef, ns: string | undefined, obj: Record<string, unknown>): void {
  try {
    client.create(ref, ns, obj);
  } catch {
    // AlreadyExists, or the apiserver refused: what is there stays.
  }
}

/** deployment builds a one-replica Deployment of an add-on's controller. */
export function deployment(ns: string, name: string, labels: Record<string, string>, pod: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: pod } },
  };
}
