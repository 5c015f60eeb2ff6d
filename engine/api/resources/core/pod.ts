import type { FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { validatePodSpec } from '../../validation/podspec.ts';
import { validatePodSpecUpdate } from '../../validation/pod-update.ts';
import { list, rec, str } from '../../validation/util.ts';
import { col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { setPodSpecDefaults } from './pod-defaults.ts';
import { podQOSClass } from './pod-qos.ts';
import { podRow } from './pod-row.ts';

/** Pod: the unit everything else manages. */
export const podDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  shortNames: ['po'],
  namespaced: true,
  categories: ['all'],
  subresources: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status'],
  hasStatus: true,
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE_COLUMN,
    col('IP', 'string', 'PodStatus.podIP', 1),
    col('Node', 'string', 'PodSpec.nodeName', 1),
    col('Nominated Node', 'string', 'PodStatus.nominatedNodeName', 1),
    col('Readiness Gates', 'string', 'PodSpec.readinessGates', 1),
  ],
  row: podRow,
  fields(obj) {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const ips = list(status.podIPs);
    // One literal (metaFields' two fields first), not a spread: V8 extends a spread copy one property at a time, and watchers ask on every event.
    return {
      'metadata.name': obj.metadata.name ?? '',
      'metadata.namespace': obj.metadata.namespace ?? '',
      'spec.nodeName': str(spec.nodeName),
      'spec.restartPolicy': str(spec.restartPolicy),
      'spec.schedulerName': str(spec.schedulerName),
      'spec.serviceAccountName': str(spec.serviceAccountName),
      'spec.hostNetwork': String(spec.hostNetwork === true),
      'status.phase': str(status.phase),
      'status.podIP': ips.length ? str(ips[0]!.ip) : str(status.podIP),
      'status.nominatedNodeName': str(status.nominatedNodeName),
    };
  },
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    setPodSpecDefaults(spec, obj);
    spec.enableServiceLinks ??= true;
    // The v1 conversion keeps the deprecated serviceAccount field equal to serviceAccountName.
    if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '') spec.serviceAccount = spec.serviceAccountName;
    else if (typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '') spec.serviceAccountName = spec.serviceAccount;
    // SetDefaults_Pod: a limit without a request makes the request equal to the limit.
    for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
      const r = rec(c.resources);
      const limits = rec(r.limits);
      if (Object.keys(limits).length === 0) continue;
      const requests = (r.requests ??= {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(limits)) requests[k] ??= v;
    }
  },
  validateSpec(obj: KObject, old: KObject | undefined): FieldError[] {
    const errs = validatePodSpec(obj.spec, 'spec');
    if (old) errs.push(...validatePodSpecUpdate(obj, old));
    return errs;
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending', qosClass: podQOSClass(obj.spec) };
  },
});
