import { pluginWorld, testNode, testPod, MapLister } from '../engine/scheduler/testing/fixtures.ts';
import { podTopologySpread } from '../engine/scheduler/plugins/pod-topology-spread/pod-topology-spread.ts';
import { interPodAffinity } from '../engine/scheduler/plugins/inter-pod-affinity/inter-pod-affinity.ts';
import { CycleState } from '../engine/scheduler/framework/cycle-state.ts';
import { PodInfo } from '../engine/scheduler/framework/pod-info.ts';
import type { KObject } from '../engine/api/types.ts';
const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs', controller: true }];
const nodes = Array.from({ length: 100 }, (_, i) => ({ node: testNode(`n${i}`, { labels: { 'topology.kubernetes.io/zone': `z${i % 3}` } }), pods: Array.from({ length: 50 }, (_, j) => { const p = testPod(`p${i}-${j}`, {}, { labels: { app: 'web' } }); p.metadata!.ownerReferences = owner; return p; }) }));
const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } } } } as KObject;
const w = pluginWorld(nodes, { replicaSets: new MapLister([rs]) });
const pts = podTopologySpread({}, w.handle);
const ipa = interPodAffinity({}, w.handle);
const pod = testPod('x', {}, { labels: { app: 'web' } }); pod.metadata!.ownerReferences = owner;
const list = w.cache.list();
for (const [name, f] of [['pts', () => pts.preScore(new CycleState(), new PodInfo(pod), list)], ['ipa', () => ipa.preScore(new CycleState(), new PodInfo(pod), list)], ['pts-score', (() => { const st = new CycleState(); const pi = new PodInfo(pod); pts.preScore(st, pi, list); return () => { for (const n of list) pts.score(st, pi, n); }; })()]] as const) {
  for (let i = 0; i < 500; i++) f();
  const t0 = performance.now();
  for (let i = 0; i < 5000; i++) f();
  console.log(name, ((performance.now() - t0) / 5000 * 1000).toFixed(1), 'µs');
}
import { defaultSelector, filterConstraints, SYSTEM_DEFAULT_CONSTRAINTS, countPodsMatchSelector } from '../engine/scheduler/plugins/pod-topology-spread/common.ts';
{
  const f = () => { const cs = filterConstraints(SYSTEM_DEFAULT_CONSTRAINTS, pod.metadata?.labels, 'ScheduleAnyway'); const sel = defaultSelector(pod, w.handle.listers); return cs.map((c) => ({ ...c, selector: sel, selectorKey: JSON.stringify(sel.requirements) })); };
  for (let i = 0; i < 500; i++) f();
  let t0 = performance.now(); for (let i = 0; i < 5000; i++) f(); console.log('constraints', ((performance.now() - t0) / 5000 * 1000).toFixed(1), 'µs');
  const cs = f();
  const g = () => { let s = 0; for (const n of list) s += countPodsMatchSelector(n, cs[1]!, 'default'); return s; };
  for (let i = 0; i < 500; i++) g();
  t0 = performance.now(); for (let i = 0; i < 5000; i++) g(); console.log('counts', ((performance.now() - t0) / 5000 * 1000).toFixed(1), 'µs');
}
