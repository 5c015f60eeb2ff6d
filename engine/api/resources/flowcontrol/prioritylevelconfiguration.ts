import { fieldErr } from '../../../base/errors.ts';
import { isSet, rec, str } from '../../validation/util.ts';
import type { Cell } from '../../types.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';

/** PriorityLevelConfiguration (API Priority and Fairness). */
export const priorityLevelConfigurationDef = defineResource({
  group: 'flowcontrol.apiserver.k8s.io',
  version: 'v1',
  kind: 'PriorityLevelConfiguration',
  plural: 'prioritylevelconfigurations',
  namespaced: false,
  subresources: ['status'],
  columns: [
    NAME_COLUMN,
    col('Type', 'string', 'PriorityLevelConfigurationSpec.type'),
    col('NominalConcurrencyShares', 'string', 'LimitedPriorityLevelConfiguration.nominalConcurrencyShares'),
    col('Queues', 'string', 'QueuingConfiguration.queues'),
    col('HandSize', 'string', 'QueuingConfiguration.handSize'),
    col('QueueLengthLimit', 'string', 'QueuingConfiguration.queueLengthLimit'),
    AGE_COLUMN,
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    let cells: Cell[] = ['<none>', '<none>', '<none>', '<none>'];
    if (isSet(spec.limited)) {
      const l = rec(spec.limited);
      const q = rec(rec(l.limitResponse).queuing);
      cells = [Number(l.nominalConcurrencyShares ?? 0), '<none>', '<none>', '<none>'];
      if (isSet(rec(l.limitResponse).queuing)) cells = [cells[0]!, Number(q.queues ?? 0), Number(q.handSize ?? 0), Number(q.queueLengthLimit ?? 0)];
    }
    return [obj.metadata.name ?? '', str(spec.type), ...cells, age(obj, ctx)];
  },
  defaults(obj) {
    const spec = rec(obj.spec);
    if (!isSet(spec.limited)) return;
    const l = rec(spec.limited);
    l.nominalConcurrencyShares ??= 30;
    l.lendablePercent ??= 0;
    const lr = (l.limitResponse ??= { type: 'Reject' }) as Record<string, unknown>;
    if (lr.type === 'Queue') {
      const q = (lr.queuing ??= {}) as Record<string, unknown>;
      q.queues ??= 64;
      q.handSize ??= 8;
      q.queueLengthLimit ??= 50;
    }
  },
  validateSpec(obj) {
    const t = str(rec(obj.spec).type);
    return t === 'Exempt' || t === 'Limited' ? [] : [fieldErr.notSupported('spec.type', t, ['Exempt', 'Limited'])];
  },
  ...specStatusStrategy(() => ({})),
});
