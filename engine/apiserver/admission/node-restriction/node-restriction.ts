import { notFound } from '../../../base/errors.ts';
import { deepEqual } from '../../../base/deep.ts';
import type { KObject } from '../../../api/types.ts';
import type { AdmissionPlugin, AdmissionRequest, ClusterView } from '../types.ts';
import { allContainers, list, nodeNameOf, rec, rejected, str } from '../util.ts';
import { forbiddenLabels, modifiedLabels } from './labels.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'NodeRestriction';
const MIRROR = 'kubernetes.io/config.mirror';

function usesSecretsOrConfigMaps(spec: Record<string, unknown>): { secrets: boolean; configMaps: boolean } {
  let secrets = list(spec.imagePullSecrets).length > 0;
  let configMaps = false;
  for (const c of [...allContainers(spec), ...list(spec.ephemeralContainers)]) {
    for (const e of list(c.env)) {
      const from = rec(e.valueFrom);
      if (from.secretKeyRef) secrets = true;
      if (from.configMapKeyRef) configMaps = true;
    }
    for (const e of list(c.envFrom)) {
      if (e.secretRef) secrets = true;
      if (e.configMapRef) configMaps = true;
    }
  }
  for (const v of list(spec.volumes)) {
    if (v.secret) secrets = true;
    if (v.configMap) configMaps = true;
    for (const s of list(rec(v.projected).sources)) {
      if (s.secret) secrets = true;
      if (s.configMap) configMaps = true;
    }
  }
  return { secrets, configMaps };
}

function podCreate(req: AdmissionRequest, node: string, view: ClusterView): void {
  const pod = req.object!;
  const spec = rec(pod.spec);
  if (pod.metadata.annotations?.[MIRROR] === undefined) throw rejected(req, `pod does not have "${MIRROR}" annotation, node "${node}" can only create mirror pods`);
  if (str(spec.nodeName) !== node) throw rejected(req, `node "${node}" can only create pods with spec.nodeName set to itself`);
  const owners = pod.metadata.ownerReferences ?? [];
  if (owners.length > 1) throw rejected(req, `node "${node}" can only create pods with a single owner reference set to itself`);
  const o = owners[0];
  if (!o || o.apiVersion !== 'v1' || o.kind !== 'Node' || o.name !== node) throw rejected(req, `node "${node}" can only create pods with an owner reference set to itself`);
  if (o.controller !== true) throw rejected(req, `node "${node}" can only create pods with a controller owner reference set to itself`);
  if (o.blockOwnerDeletion === true) throw rejected(req, `node "${node}" must not set blockOwnerDeletion on an owner reference`);
  const nodeObj = view.get('', 'nodes', undefined, node);
  if (!nodeObj) throw notFound({ group: '', resource: 'nodes' }, node);
  if (o.uid !== nodeObj.metadata.uid) throw rejected(req, `node ${node} UID mismatch: expected ${o.uid} got ${nodeObj.metadata.uid}`);
  if (str(spec.serviceAccountName)) throw rejected(req, `node "${node}" can not create pods that reference a service account`);
  const refs = usesSecretsOrConfigMaps(spec);
  if (refs.secrets) throw rejected(req, `node "${node}" can not create pods that reference secrets`);
  if (refs.configMaps) throw rejected(req, `node "${node}" can not create pods that reference configmaps`);
  for (const v of list(spec.volumes)) {
    if (v.persistentVolumeClaim) throw rejected(req, `node "${node}" can not create pods that reference persistentvolumeclaims`);
    if (v.ephemeral) throw rejected(req, `node "${node}" can not create pods that use generic ephemeral volumes`);
  }
}

function boundPod(req: AdmissionRequest, view: ClusterView): KObject {
  const pod = view.get('', 'pods', req.namespace, req.name);
  if (!pod) throw notFound({ group: '', resource: 'pods' }, req.name);
  return pod;
}

function pods(req: AdmissionRequest, node: string, view: ClusterView): void {
  switch (req.subresource) {
    case '':
      if (req.operation === 'CREATE') return podCreate(req, node, view);
      if (req.operation === 'DELETE') {
        if (str(rec(boundPod(req, view).spec).nodeName) !== node) throw rejected(req, `node "${node}" can only delete pods with spec.nodeName set to itself`);
        return;
      }
      throw rejected(req, `unexpected operation ${req.operation}, node "${node}" can only create and delete mirror pods`);
    case 'status':
      if (str(rec(req.oldObject?.spec).nodeName) !== node) throw rejected(req, `node "${node}" can only update pod status for pods with spec.nodeName set to itself`);
      return;
    case 'eviction':
      if (str(rec(boundPod(req, view).spec).nodeName) !== node) throw rejected(req, `node "${node}" can only evict pods with spec.nodeName set to itself`);
      return;
    default:
      return;
  }
}

function nodes(req: AdmissionRequest, node: string): void {
  if (req.name !== node) throw rejected(req, `node "${node}" is not allowed to modify node "${req.name}"`);
  if (req.operation === 'CREATE' && req.object) {
    const bad = forbiddenLabels(modifiedLabels(req.object.metadata.labels));
    if (bad.length) throw rejected(req, `node "${node}" is not allowed to set the following labels: ${bad.join(', ')}`);
  }
  if (req.operation === 'UPDATE' && req.object && req.oldObject && req.subresource === '') {
    if (!deepEqual(rec(req.object.spec).taints ?? [], rec(req.oldObject.spec).taints ?? [])) throw rejected(req, `node "${node}" is not allowed to modify taints`);
    const bad = forbiddenLabels(modifiedLabels(req.object.metadata.labels, req.oldObject.metadata.labels));
    if (bad.length) throw rejected(req, `is not allowed to modify labels: ${bad.join(', ')}`);
  }
}

function leases(req: AdmissionRequest, node: string): void {
  if (req.namespace !== 'kube-node-lease') throw rejected(req, `can only access leases in the "kube-node-lease" namespace`);
  if (req.name !== node) throw rejected(req, 'can only access node lease with the same name as the requesting node');
}

/**
 * nodeRestriction limits what a kubelet (system:node:<name> in system:nodes)
 * may write: only its own Node object (no taint or restricted label changes),
 * only mirror pods bound to itself, status and evictions of pods bound to it,
 * and only its own Lease in kube-node-lease.
 */
export function nodeRestriction(): AdmissionPlugin {
  return {
    name: NAME,
    validate(req, view) {
      if (!req.user.groups.includes('system:nodes') || !req.user.name.startsWith('system:node:')) return;
      const node = nodeNameOf(req.user);
      if (!node) throw rejected(req, `could not determine node from user "${req.user.name}"`);
      const { group, plural } = req.def;
      if (group === '' && plural === 'pods') return pods(req, node, view);
      if (group === '' && plural === 'nodes') return nodes(req, node);
      if (group === 'coordination.k8s.io' && plural === 'leases') return leases(req, node);
      if (group === 'storage.k8s.io' && plural === 'csinodes' && req.name !== node) throw rejected(req, `node "${node}" is not allowed to modify csinode "${req.name}"`);
    },
  };
}
