import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { list, num, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { setPodTemplateDefaults } from '../core/pod-defaults.ts';
import { specStatusStrategy } from '../strategy.ts';
import { replicasAndHistory, templateCells, validateTemplateForReplicas } from './common.ts';

/** StatefulSet: READY n/m; only replicas, ordinals, template, updateStrategy, retention policy and minReadySeconds may change. */

const POLICIES = ['OrderedReady', 'Parallel'];
const UPDATE_TYPES = ['OnDelete', 'RollingUpdate'];
const MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

function validateSts(obj: KObject, old: KObject | undefined): FieldError[] {
  const spec = rec(obj.spec);
  const errs = replicasAndHistory(obj);
  const pmp = str(spec.podManagementPolicy);
  if (!POLICIES.includes(pmp)) errs.push(fieldErr.notSupported('spec.podManagementPolicy', pmp, POLICIES));
  const ut = str(rec(spec.updateStrategy).type);
  if (!UPDATE_TYPES.includes(ut)) errs.push(fieldErr.notSupported('spec.updateStrategy.type', ut, UPDATE_TYPES));
  // Mounts may name a volumeClaimTemplate: the controller adds those volumes to each pod.
  const claims = new Set(list(spec.volumeClaimTemplates).map((t) => str(rec(t.metadata).name)));
  const claimMount = (e: FieldError) => e.type === 'FieldValueNotFound' && /\.volumeMounts\[\d+\]\.name$/.test(e.field) && claims.has(String(e.badValue));
  errs.push(...validateTemplateForReplicas(obj, 'empty selector is invalid for statefulset', 'StatefulSet').filter((e) => !claimMount(e)));
  if (old) {
    const o = rec(old.spec);
    const rest = (s: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(s).filter(([k]) => !MUTABLE.includes(k)).sort()));
    if (rest(spec) !== rest(o)) {
      errs.push(
        fieldErr.forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
    }
  }
  return errs;
}

export const statefulSetDef = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  shortNames: ['sts'],
  namespaced: true,
  categories: ['all'],
  subresources: ['scale', 'status'],
  scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' },
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'Number of the pod with ready state'),
    AGE_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.', 1),
    col('Images', 'string', 'Images referenced by each container in the template.', 1),
  ],
  row(obj, ctx) {
    const [names, images] = templateCells(obj);
    return [obj.metadata.name ?? '', `${num(rec(obj.status).readyReplicas)}/${num(rec(obj.spec).replicas)}`, age(obj, ctx), names, images];
  },
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.replicas ??= 1;
    spec.podManagementPolicy ??= 'OrderedReady';
    const us = (spec.updateStrategy ??= {}) as Record<string, unknown>;
    us.type ??= 'RollingUpdate';
    if (us.type === 'RollingUpdate') {
      const ru = (us.rollingUpdate ??= {}) as Record<string, unknown>;
      ru.partition ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
    const ret = (spec.persistentVolumeClaimRetentionPolicy ??= {}) as Record<string, unknown>;
    ret.whenDeleted ??= 'Retain';
    ret.whenScaled ??= 'Retain';
    for (const pvc of list(spec.volumeClaimTemplates)) {
      pvc.apiVersion ??= 'v1';
      pvc.kind ??= 'PersistentVolumeClaim';
      const ps = (pvc.spec ??= {}) as Record<string, unknown>;
      ps.volumeMode ??= 'Filesystem';
      pvc.status ??= { phase: 'Pending' };
    }
    setPodTemplateDefaults(spec.template, obj);
  },
  validateSpec: validateSts,
  ...specStatusStrategy(() => ({ replicas: 0, availableReplicas: 0 })),
});
