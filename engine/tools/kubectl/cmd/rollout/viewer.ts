import type { KObject } from '../../../../api/types.ts';
import type { RunContext } from '../../cli/command.ts';
import { CHANGE_CAUSE } from '../../cli/record.ts';
import { selectorString } from '../describe/workloads.ts';
import { historyOf, ownedBy } from './history.ts';

type Obj = Record<string, unknown>;
type Template = Obj & { metadata?: Obj & { annotations?: Record<string, string> } };

/**
 * HistoryEntry is one revision as kubectl's history viewers see it: its
 * change-cause (the table's CHANGE-CAUSE), the pod template `--revision=N`
 * describes, and the object `-o` prints for it.
 */
export interface HistoryEntry {
  revision: number;
  changeCause?: string;
  template: Template;
  object: KObject;
}

/** HISTORY_KINDS are the kinds with a history viewer (polymorphichelpers.HistoryViewerFor). */
export const HISTORY_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

/** typedTemplate is a template decoded as a typed object: its metadata is always there (kubectl 1.34 omits a zero creationTimestamp; 1.33 printed null). */
function typedTemplate(t: Template | undefined): Template {
  return { ...t, metadata: { ...t?.metadata } };
}

/**
 * historyEntries lists obj's revisions, oldest first: a Deployment's
 * ReplicaSets (the change-cause copied into the template, as the deployment
 * viewer does), a DaemonSet's or StatefulSet's ControllerRevisions (found by
 * the owner's selector and controller reference; each revision's template
 * replaces the owner's, as applying its strategic patch does).
 */
export function historyEntries(c: RunContext, obj: KObject): HistoryEntry[] {
  if (obj.kind === 'Deployment') {
    return historyOf(c, obj).map(({ revision, rs }) => {
      const spec = (rs.spec ?? {}) as Obj & { template?: Template };
      const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
      const tmpl = spec.template ?? {};
      const template = cause ? { ...tmpl, metadata: { ...tmpl.metadata, annotations: { ...tmpl.metadata?.annotations, [CHANGE_CAUSE]: cause } } } : tmpl;
      return { revision, changeCause: cause, template, object: { ...rs, kind: 'ReplicaSet', apiVersion: 'apps/v1', spec: { ...spec, template: typedTemplate(spec.template) } } };
    });
  }
  const res = c.f.discovery().resolve('controllerrevisions.apps');
  const spec = (obj.spec ?? {}) as Obj & { selector?: unknown };
  const list = c.f.client().list(res, obj.metadata.namespace, { labelSelector: selectorString(spec.selector) || undefined });
  return list.items
    .filter((r) => ownedBy(r, obj))
    .map((r) => {
      const data = ((r.data as Obj | undefined)?.spec as Obj | undefined)?.template as Template | undefined;
      const template: Template = { ...data };
      delete template.$patch;
      return { revision: (r.revision as number | undefined) ?? 0, changeCause: r.metadata.annotations?.[CHANGE_CAUSE], template, object: { ...obj, spec: { ...spec, template: typedTemplate(template) } } };
    })
    .sort((a, b) => a.revision - b.revision);
}
