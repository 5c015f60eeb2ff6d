import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.ts';
import { containerUsage, runningContainers } from './usage.ts';

const MI = 1024 * 1024;
const pod = (uid: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid } });

describe('simulated container usage', () => {
  it('uses what stress asks for, throttled and capped by the limits', () => {
    const free = containerUsage(pod('u1'), { name: 'c', image: 'polinux/stress', command: ['stress'], args: ['--cpu', '2', '--vm', '2', '--vm-bytes', '100M'] }, 7);
    expect(free.cpuMilli).toBeGreaterThan(2000);
    expect(free.cpuMilli).toBeLessThan(2005);
    expect(free.memoryBytes).toBeGreaterThan(200 * MI);
    const capped = containerUsage(pod('u1'), { name: 'c', image: 'polinux/stress', command: ['stress', '--cpu', '2'], resources: { limits: { cpu: '250m', memory: '64Mi' } } }, 7);
    expect(capped.cpuMilli).toBe(250);
    expect(capped.memoryBytes).toBeLessThanOrEqual(64 * MI);
  });

  it('spins a core for a busy shell loop, idles when it sleeps, and draws a stable baseline per container and seed', () => {
    const spin = containerUsage(pod('u2'), { name: 'c', image: 'busybox', command: ['sh', '-c', 'while true; do :; done'] }, 7);
    expect(spin.cpuMilli).toBe(1000);
    const idle = containerUsage(pod('u2'), { name: 'c', image: 'busybox', command: ['sh', '-c', 'while true; do sleep 5; done'] }, 7);
    expect(idle.cpuMilli).toBeLessThan(5);
    expect(containerUsage(pod('u2'), { name: 'c', image: 'busybox' }, 7)).toEqual(containerUsage(pod('u2'), { name: 'c', image: 'busybox' }, 7));
    const draws = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((uid) => containerUsage(pod(uid), { name: 'c', image: 'busybox' }, 7).memoryBytes));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('gives the control plane its usual weight: the apiserver uses most, then etcd and the controller manager, each within its range', () => {
    const use = (image: string) => containerUsage(pod('cp'), { name: 'c', image }, 7);
    const apiserver = use('registry.k8s.io/kube-apiserver:v1.34.1');
    const etcd = use('registry.k8s.io/etcd:3.6.4-0');
    const kcm = use('registry.k8s.io/kube-controller-manager:v1.34.1');
    const scheduler = use('registry.k8s.io/kube-scheduler:v1.34.1');
    expect(apiserver.memoryBytes).toBeGreaterThanOrEqual(240 * MI);
    expect(apiserver.memoryBytes).toBeLessThan(321 * MI);
    expect(apiserver.cpuMilli).toBeGreaterThanOrEqual(28);
    expect(etcd.memoryBytes).toBeLessThan(apiserver.memoryBytes);
    expect(kcm.memoryBytes).toBeLessThan(apiserver.memoryBytes);
    expect(scheduler.memoryBytes).toBeLessThan(kcm.memoryBytes);
    expect(use('docker.io/calico/node:v3.30.0').memoryBytes).toBeGreaterThan(90 * MI);
  });

  it('counts only containers the kubelet reports running', () => {
    const p: KObject = { ...pod('u3'), spec: { containers: [{ name: 'a' }, { name: 'b' }] }, status: { containerStatuses: [{ name: 'a', state: { running: {} } }, { name: 'b', state: { waiting: { reason: 'CrashLoopBackOff' } } }] } };
    expect(runningContainers(p).map((c) => c.name)).toEqual(['a']);
  });
});
