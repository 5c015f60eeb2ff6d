import { forbidden, type StatusError } from '../../base/errors.ts';
import { groupResource, type KObject } from '../../api/types.ts';
import { list, rec, str, type Obj } from '../../api/validation/util.ts';
import type { AdmissionRequest } from './types.ts';

/** Shared helpers of the admission plugins: what kind a request is about, and the errors they return. */

/** isResource reports whether a request targets group/plural (and, optionally, only the main resource). */
export function isResource(req: AdmissionRequest, group: string, plural: string): boolean {
  return req.def.group === group && req.def.plural === plural;
}

/** isPodCreateOrUpdate is true for CREATE/UPDATE of pods themselves (no subresource). */
export function isPodWrite(req: AdmissionRequest, ops: AdmissionRequest['operation'][] = ['CREATE', 'UPDATE']): boolean {
  return isResource(req, '', 'pods') && req.subresource === '' && ops.includes(req.operation) && !!req.object;
}

/**
 * subjectName is the name admission errors show (admission.NewForbidden's
 * extractResourceName): on create the request carries no name, so the
 * object's name is used — or its generateName, since the apiserver generates
 * names only after admission ("pods \"web-7d4b9c6f5-\" is forbidden: …").
 */
export function subjectName(req: AdmissionRequest): string {
  const m = req.object?.metadata;
  if (req.operation === 'CREATE' && m?.generateName && (!m.name || (m.name.startsWith(m.generateName) && m.name.length === m.generateName.length + 5))) {
    return m.generateName;
  }
  return req.name || m?.name || m?.generateName || 'Unknown';
}

/** rejected is admission.NewForbidden(a, err): `pods "x" is forbidden: <reason>`. */
export function rejected(req: AdmissionRequest, reason: string): StatusError {
  return forbidden(groupResource(req.def), subjectName(req), reason);
}

/** spec returns obj.spec as a mutable record (creating it when missing). */
export function specOf(obj: KObject): Obj {
  if (typeof obj.spec !== 'object' || obj.spec === null) obj.spec = {};
  return obj.spec as Obj;
}

/** containersOf lists a pod spec's init containers then containers (the order upstream visits them). */
export function allContainers(spec: Obj): Obj[] {
  return [...list(spec.initContainers), ...list(spec.containers)];
}

/** labelsOf reads an object's labels (never undefined). */
export function labelsOf(obj: KObject | undefined): Record<string, string> {
  return (obj?.metadata.labels as Record<string, string> | undefined) ?? {};
}

/** annotationOf reads one annotation. */
export function annotationOf(obj: KObject | undefined, key: string): string | undefined {
  return obj?.metadata.annotations?.[key];
}

/** userIsNode extracts the node name of a kubelet identity (system:node:<name> in system:nodes). */
export function nodeNameOf(user: { name: string; groups: string[] }): string | undefined {
  if (!user.groups.includes('system:nodes')) return undefined;
  if (!user.name.startsWith('system:node:')) return undefined;
  const n = user.name.slice('system:node:'.length);
  return n || undefined;
}

export { list, rec, str, type Obj };
