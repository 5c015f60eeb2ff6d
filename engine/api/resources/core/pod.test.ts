import { describe, expect, it } from 'vitest';
import { CTX, ago, SEC, DAY, obj, created } from '../testing/fixtures.ts';
import { podDef } from './pod.ts';

// Facts from kubernetes/pkg/printers/internalversion printers_test.go (TestPrintPod and friends):
// cells are Name, Ready, Status, Restarts, Age, IP, Node, Nominated Node, Readiness Gates.
const pod = (spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
  obj(podDef, 'test1', { spec, status }, meta);
const two = { containers: [{ name: 'a' }, { name: 'b' }] };
const running = { running: {} };

describe('printPod', () => {
  it('counts ready containers and restarts', () => {
    const p = pod(two, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] });
    expect(podDef.row(p, CTX).slice(0, 5)).toEqual(['test1', '1/2', 'podPhase', '6', '<unknown>']);
  });

  it('shows a waiting reason', () => {
    const p = pod(two, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }] });
    expect(podDef.row(p, CTX).slice(1, 4)).toEqual(['1/2', 'ContainerWaitingReason', '6']);
  });

  it('shows a terminated reason, a signal, or an exit code', () => {
    const term = (t: Record<string, unknown>) => pod(two, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { state: { terminated: t }, restartCount: 3 }] });
    expect(podDef.row(term({ reason: 'ContainerTerminatedReason' }), CTX)[2]).toBe('ContainerTerminatedReason');
    expect(podDef.row(term({ signal: 1 }), CTX)[2]).toBe('Signal:1');
    expect(podDef.row(term({ exitCode: 1 }), CTX)[2]).toBe('ExitCode:1');
  });

  it('prints "Completed" back as Running or NotReady while a container still runs', () => {
    const base = { phase: 'Running', containerStatuses: [{ ready: true, state: running }, { state: { terminated: { reason: 'Completed', exitCode: 0 } } }] };
    expect(podDef.row(pod(two, { ...base, conditions: [{ type: 'Ready', status: 'True' }] }), CTX)[2]).toBe('Running');
    expect(podDef.row(pod(two, base), CTX)[2]).toBe('NotReady');
  });

  it('shows the last restart time with the count', () => {
    const p = pod({ containers: [{ name: 'a' }] }, { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 3, state: running, lastState: { terminated: { finishedAt: ago(45 * SEC) } } }] });
    expect(podDef.row(p, CTX)[3]).toBe('3 (45s ago)');
  });

  it('reports init containers', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'a' }] };
    expect(podDef.row(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { running: {} } }] }), CTX)[2]).toBe('Init:0/2');
    expect(podDef.row(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 0 } } }, { name: 'i2', state: { waiting: { reason: 'CrashLoopBackOff' } }, restartCount: 4 }] }), CTX).slice(2, 4)).toEqual(['Init:CrashLoopBackOff', '4']);
    expect(podDef.row(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 1 } } }] }), CTX)[2]).toBe('Init:ExitCode:1');
    expect(podDef.row(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 1, reason: 'Error' } } }] }), CTX)[2]).toBe('Init:Error');
  });

  it('counts restartable init containers (sidecars) as containers', () => {
    const spec = { initContainers: [{ name: 's', restartPolicy: 'Always' }], containers: [{ name: 'a' }] };
    const status = {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 's', started: true, ready: true, restartCount: 2, state: running }],
      containerStatuses: [{ name: 'a', ready: true, restartCount: 1, state: running }],
    };
    expect(podDef.row(pod(spec, status), CTX).slice(1, 4)).toEqual(['2/2', 'Running', '3']);
  });

  it('follows upstream TestPrintPodWithRestartableInitContainer', () => {
    const spec = { initContainers: [{ name: 'restartable-init-1', restartPolicy: 'Always' }, { name: 'restartable-init-2', restartPolicy: 'Always' }], containers: [{}] };
    const first = { name: 'restartable-init-1', restartCount: 3, lastState: { terminated: { finishedAt: ago(10 * SEC) } } };
    const waiting = [{ ready: false, restartCount: 0, state: { waiting: {} } }];
    const notInit = [{ type: 'Initialized', status: 'False' }];
    expect(podDef.row(pod(spec, { phase: 'Pending', initContainerStatuses: [{ ...first, state: running, started: false }, { name: 'restartable-init-2', state: { waiting: {} }, started: false }], containerStatuses: waiting, conditions: notInit }), CTX).slice(1, 5)).toEqual(['0/3', 'Init:0/2', '3 (10s ago)', '<unknown>']);
    expect(podDef.row(pod(spec, { phase: 'Pending', initContainerStatuses: [{ ...first, state: running, started: true }, { name: 'restartable-init-2', state: running, started: false }], containerStatuses: waiting, conditions: notInit }), CTX).slice(1, 4)).toEqual(['0/3', 'Init:1/2', '3 (10s ago)']);
    const initialized = [{ type: 'Initialized', status: 'True' }];
    expect(podDef.row(pod(spec, { phase: 'Running', initContainerStatuses: [{ ...first, state: running, started: true }, { name: 'restartable-init-2', state: running, started: true }], containerStatuses: [{ ready: true, restartCount: 4, state: running, lastState: { terminated: { finishedAt: ago(20 * SEC) } } }], conditions: initialized }), CTX).slice(1, 4)).toEqual(['1/3', 'Running', '7 (10s ago)']);
    const err137 = { terminated: { reason: 'Error', exitCode: 137 } };
    expect(podDef.row(pod(spec, { phase: 'Succeeded', initContainerStatuses: [{ ...first, state: err137, started: false }, { name: 'restartable-init-2', state: err137, started: false }], containerStatuses: [{ restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } }, lastState: { terminated: { finishedAt: ago(20 * SEC) } } }], conditions: initialized }), CTX).slice(1, 4)).toEqual(['0/3', 'Completed', '7 (10s ago)']);
    const mixed = { initContainers: [{ name: 'init1', image: 'initimage' }, { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' }], containers: [{ name: 'container1', image: 'containerimage' }] };
    expect(podDef.row(pod(mixed, { phase: 'Running', initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }], containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }] }), CTX).slice(1, 4)).toEqual(['0/2', 'Init:0/2', '0']);
  });

  it('shows Terminating, and Unknown for pods on a lost node', () => {
    const meta = { deletionTimestamp: ago(0) };
    expect(podDef.row(pod(two, { phase: 'Running' }, meta), CTX)[2]).toBe('Terminating');
    expect(podDef.row(pod(two, { phase: 'Running', reason: 'NodeLost' }, meta), CTX)[2]).toBe('Unknown');
    expect(podDef.row(pod(two, { phase: 'Succeeded' }, meta), CTX)[2]).toBe('Succeeded');
  });

  it('shows SchedulingGated and the pod reason', () => {
    expect(podDef.row(pod(two, { phase: 'Pending', conditions: [{ type: 'PodScheduled', reason: 'SchedulingGated' }] }), CTX)[2]).toBe('SchedulingGated');
    expect(podDef.row(pod(two, { phase: 'Failed', reason: 'Evicted' }), CTX)[2]).toBe('Evicted');
  });

  it('fills the wide cells', () => {
    const p = pod(
      { ...two, nodeName: 'node01', readinessGates: [{ conditionType: 'a' }, { conditionType: 'b' }] },
      { phase: 'Running', podIPs: [{ ip: '10.244.1.5' }], podIP: '10.244.1.5', conditions: [{ type: 'a', status: 'True' }] },
      { creationTimestamp: ago(3 * DAY) },
    );
    expect(podDef.row(p, CTX).slice(4)).toEqual(['3d', '10.244.1.5', 'node01', '<none>', '1/2']);
    expect(podDef.row(pod(two, {}), CTX).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('has the upstream columns', () => {
    expect(podDef.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0], ['Ready', 'string', 0], ['Status', 'string', 0], ['Restarts', 'string', 0], ['Age', 'string', 0],
      ['IP', 'string', 1], ['Node', 'string', 1], ['Nominated Node', 'string', 1], ['Readiness Gates', 'string', 1],
    ]);
  });
});

describe('pod create', () => {
  it('defaults the spec and containers the way the apiserver does', () => {
    const { obj: p, errors } = created(podDef, obj(podDef, 'web', { spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }, { name: 'side', image: 'busybox' }] } }));
    expect(errors).toEqual([]);
    expect(p.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', securityContext: {}, enableServiceLinks: true });
    const [c0, c1] = (p.spec as { containers: Record<string, unknown>[] }).containers;
    expect(c0).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} });
    expect(c1!.imagePullPolicy).toBe('Always');
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('computes the QoS class', () => {
    const make = (resources: Record<string, unknown>) => created(podDef, obj(podDef, 'p', { spec: { containers: [{ name: 'c', image: 'nginx', resources }] } })).obj.status;
    expect(make({ limits: { cpu: '500m', memory: '128Mi' } })).toMatchObject({ qosClass: 'Guaranteed' });
    expect(make({ requests: { cpu: '0.5' } })).toMatchObject({ qosClass: 'Burstable' });
    expect(make({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } })).toMatchObject({ qosClass: 'Burstable' });
  });

  it('copies limits into missing requests and canonicalises quantities', () => {
    const { obj: p } = created(podDef, obj(podDef, 'p', { spec: { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: 0.5, memory: '1024Mi' } } }] } }));
    expect((p.spec as { containers: { resources: unknown }[] }).containers[0]!.resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } });
  });

  it('refuses a malformed quantity as a decode error', () => {
    expect(() => created(podDef, obj(podDef, 'p', { spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: 'lots' } } }] } }))).toThrow(
      `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
  });

  it('answers field selectors', () => {
    const p = obj(podDef, 'p', { spec: { nodeName: 'node01', restartPolicy: 'Always' }, status: { phase: 'Running', podIPs: [{ ip: '10.0.0.1' }] } });
    expect(podDef.fields!(p)).toMatchObject({ 'metadata.name': 'p', 'metadata.namespace': 'default', 'spec.nodeName': 'node01', 'status.phase': 'Running', 'status.podIP': '10.0.0.1', 'spec.hostNetwork': 'false' });
  });
});
