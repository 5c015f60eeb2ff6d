import { toGoYaml } from '../base/goyaml.ts';
import { translateTimestampSince } from '../base/age.ts';
import { parseTime } from '../base/clock.ts';
import type { KObject } from '../api/types.ts';
import { pathFor } from '../client/client.ts';
import { R } from '../client/refs.ts';
import type { BootedLab } from '../cluster/boot/boot-lab.ts';
import type { Inspection } from '../protocol/api.ts';
import type { RunningComponent } from '../cluster/boot/components.ts';

/** inspectObject fetches an object (as the cluster admin) with its events, for the UI's inspector. */
export function inspectObject(lab: BootedLab, ref: { kind: string; namespace?: string; name: string }, cluster = lab.clusters[0]): Inspection {
  const c = cluster;
  if (!c) return { yaml: '', events: [] };
  const client = c.admin;
  const now = lab.world.runtime.now;
  const def = c.apiserver.registry.all().find((d) => d.kind === ref.kind && d.preferred !== false);
  if (!def) return { yaml: '', events: [] };
  const res = { group: def.group, version: def.version, plural: def.plural, namespaced: def.namespaced };
  let obj: KObject;
  try {
    obj = client.call<KObject>({ method: 'GET', path: pathFor(res, ref.namespace, ref.name) });
  } catch {
    return { yaml: `# ${ref.kind} ${ref.name} no longer exists\n`, events: [] };
  }
  const { managedFields: _m, ...meta } = obj.metadata;
  const yaml = toGoYaml({ ...obj, metadata: meta });
  let events: Inspection['events'] = [];
  try {
    const sel = [`involvedObject.kind=${ref.kind}`, `involvedObject.name=${ref.name}`];
    if (ref.namespace) sel.push(`involvedObject.namespace=${ref.namespace}`);
    const list = client.list(R.events, ref.namespace ?? 'default', { fieldSelector: sel.join(',') });
    events = list.items.map((e) => {
      const ev = e as KObject & { type?: string; reason?: string; message?: string; count?: number; lastTimestamp?: string; eventTime?: string };
      const t = parseTime(ev.lastTimestamp) ?? parseTime(ev.eventTime) ?? parseTime(ev.metadata.creationTimestamp);
      return { type: ev.type ?? '', reason: ev.reason ?? '', message: ev.message ?? '', age: translateTimestampSince(t, now), count: ev.count ?? 1 };
    });
  } catch {
    events = [];
  }
  const scheduling = ref.kind === 'Pod' ? schedulingVerdicts(c.components, obj) : undefined;
  return scheduling ? { yaml, events, scheduling } : { yaml, events };
}

/**
 * schedulingVerdicts is "Why Pending": for a pod no node took, each node's
 * answer from each filter plugin of the scheduler's last attempt.
 */
function schedulingVerdicts(components: RunningComponent[], pod: KObject): Inspection['scheduling'] {
  const spec = pod.spec as { nodeName?: string } | undefined;
  if (spec?.nodeName) return undefined;
  for (const comp of components) {
    const v = comp.verdicts?.(pod.metadata.uid ?? '');
    if (!v) continue;
    if (v.preFilter) return [{ node: '(all nodes)', plugin: v.preFilter.plugin, verdict: 'failed', reason: v.preFilter.reasons.join(', ') }];
    return v.nodes.flatMap((n) =>
      n.verdicts.map((f) => (f.code === 'Success' ? { node: n.node, plugin: f.plugin, verdict: 'passed' as const } : { node: n.node, plugin: f.plugin, verdict: 'failed' as const, reason: f.reasons.join(', ') || f.code })),
    );
  }
  return undefined;
}

