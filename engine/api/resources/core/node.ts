import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { each, isQualifiedName, isValidLabelValue } from '../../validation/names.ts';
import { validateTaintEffect } from '../../validation/scheduling.ts';
import { list, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, metaFields, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { canonicalQuantities } from '../decode.ts';

/** Node: cluster-scoped, stored under /registry/minions as in every real cluster. */

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** nodeRoles is findNodeRoles: node-role.kubernetes.io/<role> keys and the kubernetes.io/role value, sorted. */
export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** nodeStatusText is printNode's STATUS: Ready/NotReady/Unknown plus SchedulingDisabled. */
export function nodeStatusText(node: KObject): string {
  const conds = list(rec(node.status).conditions);
  const ready = conds.find((c) => str(c.type) === 'Ready');
  const status: string[] = [];
  if (ready) status.push(str(ready.status) === 'True' ? 'Ready' : 'NotReady');
  else status.push('Unknown');
  if (rec(node.spec).unschedulable === true) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: KObject, type: string): string {
  const a = list(rec(node.status).addresses).find((x) => str(x.type) === type);
  return a ? str(a.address) : '<none>';
}

function validateTaints(taints: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  list(taints).forEach((t, i) => {
    const ip = `${path}[${i}]`;
    errs.push(...each(`${ip}.key`, str(t.key), isQualifiedName(str(t.key))));
    const msgs = isValidLabelValue(str(t.value));
    if (msgs.length) errs.push(fieldErr.invalid(`${ip}.value`, str(t.value), msgs.join(';')));
    errs.push(...validateTaintEffect(str(t.effect), false, `${ip}.effect`));
    const key = `${str(t.effect)}/${str(t.key)}`;
    if (seen.has(key)) errs.push({ type: 'FieldValueDuplicate', field: ip, badValue: t, detail: 'taints must be unique by key and effect pair' });
    seen.add(key);
  });
  return errs;
}

export const nodeDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  shortNames: ['no'],
  namespaced: false,
  storagePrefix: '/registry/minions',
  subresources: ['proxy', 'status'],
  hasStatus: true,
  statusKeepsLabels: true,
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    col('Version', 'string', 'NodeSystemInfo.kubeletVersion'),
    col('Internal-IP', 'string', 'NodeStatus.addresses', 1),
    col('External-IP', 'string', 'NodeStatus.addresses', 1),
    col('OS-Image', 'string', 'NodeSystemInfo.osImage', 1),
    col('Kernel-Version', 'string', 'NodeSystemInfo.kernelVersion', 1),
    col('Container-Runtime', 'string', 'NodeSystemInfo.containerRuntimeVersion', 1),
  ],
  row(obj, ctx) {
    const info = rec(rec(obj.status).nodeInfo);
    return [
      obj.metadata.name ?? '',
      nodeStatusText(obj),
      nodeRoles(obj.metadata.labels).join(',') || '<none>',
      age(obj, ctx),
      str(info.kubeletVersion),
      address(obj, 'InternalIP'),
      address(obj, 'ExternalIP'),
      str(info.osImage) || '<unknown>',
      str(info.kernelVersion) || '<unknown>',
      str(info.containerRuntimeVersion) || '<unknown>',
    ];
  },
  fields: (obj) => ({ ...metaFields(obj, false), 'spec.unschedulable': String(rec(obj.spec).unschedulable === true) }),
  defaults(obj) {
    const status = rec(obj.status);
    canonicalQuantities(status.capacity, obj);
    canonicalQuantities(status.allocatable, obj);
    // SetDefaults_NodeStatus: allocatable defaults to capacity.
    if (status.capacity && !status.allocatable) status.allocatable = { ...rec(status.capacity) };
  },
  validateSpec: (obj) => validateTaints(rec(obj.spec).taints, 'spec.taints'),
  prepareForCreate(obj) {
    delete rec(obj.spec).configSource;
  },
});
