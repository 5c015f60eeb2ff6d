import type { KObject } from '../../api/types.ts';
import { clone } from '../../base/deep.ts';
import { newControllerRef } from '../base/owner.ts';

/** PodTemplate is the part of a PodTemplateSpec a controller copies into pods. */
export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[]; name?: string };
  spec?: Record<string, unknown>;
}

/**
 * podFromTemplate is controller.GetPodFromTemplate: labels, annotations and
 * finalizers of the template, generateName "<owner>-", the owner as
 * controller, and a copy of the template's spec.
 */
export function podFromTemplate(template: PodTemplate | undefined, owner: KObject, extra: { name?: string; generateName?: string; labels?: Record<string, string>; hostname?: string } = {}): KObject {
  const t = clone(template ?? {});
  const metadata: Record<string, unknown> = {
    namespace: owner.metadata.namespace,
    labels: { ...(t.metadata?.labels ?? {}), ...(extra.labels ?? {}) },
    ownerReferences: [newControllerRef(owner)],
  };
  if (extra.name) metadata.name = extra.name;
  else metadata.generateName = extra.generateName ?? `${owner.metadata.name}-`;
  if (t.metadata?.annotations) metadata.annotations = t.metadata.annotations;
  if (t.metadata?.finalizers) metadata.finalizers = t.metadata.finalizers;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: t.spec ?? {} } as KObject;
}
