import type { KObject } from '../../api/types.ts';
import { parseImageRef } from '../images/refs.ts';
import type { StoredImage } from '../runtime/image-store.ts';
import type { KubeletContext } from './context.ts';
import type { Container } from './types.ts';

/** PullState is a container's image as far as the kubelet got. */
export type PullState = { state: 'ready'; image: StoredImage } | { state: 'waiting'; reason: string; message?: string; retryInMs?: number };

/** goDuration prints a duration like Go's time.Duration.String (truncated to the millisecond). */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${Number(s.toFixed(3))}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${Number((s - m * 60).toFixed(3))}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${Number((s - m * 60).toFixed(3))}s`;
}

function pullPolicy(c: Container): string {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const p = parseImageRef(c.image);
  return 'error' in p || p.tag === 'latest' || (!p.tag && !p.digest) ? 'Always' : 'IfNotPresent';
}

/**
 * ImagePuller is the kubelet's image manager for one node: pull policy,
 * per-image back-off, and the events `kubectl describe pod` shows.
 */
export class ImagePuller {
  private inflight = new Map<string, { started: number }>();
  private results = new Map<string, { ok: boolean; error?: string; at: number; fresh?: boolean }>();

  constructor(private readonly k: KubeletContext) {}

  /** ensure returns the image when it may be used, or why the container waits. */
  ensure(pod: KObject, c: Container, fieldPath: string, podKey: string): PullState {
    const k = this.k;
    const ref = c.image;
    const parsed = parseImageRef(ref);
    if ('error' in parsed) {
      const msg = `Failed to apply default image tag "${ref}": couldn't parse image name "${ref}": ${parsed.error}`;
      k.recorder.event(pod, 'Warning', 'InspectFailed', msg, fieldPath);
      k.recorder.event(pod, 'Warning', 'Failed', 'Error: InvalidImageName', fieldPath);
      return { state: 'waiting', reason: 'InvalidImageName', message: msg };
    }
    const policy = pullPolicy(c);
    const present = k.cri.images.find(ref);
    const key = `${pod.metadata.uid}_${ref}`;
    const done = this.results.get(key);
    if (done?.ok && present) {
      this.results.delete(key);
      return { state: 'ready', image: present };
    }
    if (present && policy !== 'Always') {
      k.recorder.event(pod, 'Normal', 'Pulled', `Container image "${ref}" already present on machine`, fieldPath);
      return { state: 'ready', image: present };
    }
    if (policy === 'Never') {
      const msg = `Container image "${ref}" is not present with pull policy of Never`;
      k.recorder.event(pod, 'Warning', 'ErrImageNeverPull', msg, fieldPath);
      k.recorder.event(pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', fieldPath);
      return { state: 'waiting', reason: 'ErrImageNeverPull', message: msg };
    }
    if (this.inflight.has(key)) return done && !done.ok ? { state: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${ref}": ErrImagePull: ${done.error}` } : { state: 'waiting', reason: 'ContainerCreating' };
    if (done && !done.ok) {
      const remaining = done.at + k.imageBackoff.delay(key) - k.runtime.now;
      if (done.fresh) {
        // the sync that pulled reports ErrImagePull; the next one finds the back-off
        done.fresh = false;
        return { state: 'waiting', reason: 'ErrImagePull', message: done.error, retryInMs: Math.min(5000, remaining) };
      }
      if (k.imageBackoff.inBackOff(key, done.at, k.runtime.now)) {
        k.recorder.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${ref}"`, fieldPath);
        k.recorder.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', fieldPath);
        return { state: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${ref}": ErrImagePull: ${done.error}`, retryInMs: remaining };
      }
    }
    const started = k.runtime.now;
    this.inflight.set(key, { started });
    k.recorder.event(pod, 'Normal', 'Pulling', `Pulling image "${ref}"`, fieldPath);
    k.cri.images.pull(ref, (r) => {
      this.inflight.delete(key);
      const now = k.runtime.now;
      if (r.ok) {
        const took = goDuration(now - started);
        k.recorder.event(pod, 'Normal', 'Pulled', `Successfully pulled image "${ref}" in ${took} (${took} including waiting). Image size: ${r.image.size} bytes.`, fieldPath);
        this.results.set(key, { ok: true, at: now });
        k.imageBackoff.reset(key);
      } else {
        k.recorder.event(pod, 'Warning', 'Failed', `Failed to pull image "${ref}": ${r.error}`, fieldPath);
        k.recorder.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull', fieldPath);
        k.imageBackoff.next(key, now);
        this.results.set(key, { ok: false, error: r.error, at: now, fresh: true });
      }
      k.requestSync(podKey, 0);
    });
    return done && !done.ok ? { state: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${ref}": ErrImagePull: ${done.error}` } : { state: 'waiting', reason: 'ContainerCreating' };
  }

  /** failure reports the last pull error of a container (shown as ErrImagePull until the back-off starts). */
  failure(pod: KObject, ref: string): string | undefined {
    const r = this.results.get(`${pod.metadata.uid}_${ref}`);
    return r && !r.ok ? r.error : undefined;
  }

  forget(uid: string): void {
    for (const k of [...this.results.keys()]) if (k.startsWith(`${uid}_`)) this.results.delete(k);
  }
}
