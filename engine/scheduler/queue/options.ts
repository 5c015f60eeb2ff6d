import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterEventWithHint } from '../framework/events.ts';
import type { QueuedPodInfo } from '../framework/interfaces.ts';
import type { Status } from '../framework/status.ts';

/** QueueOptions wires the queue to time, the profiles' plugins and the scheduling loop. */
export interface QueueOptions {
  now(): number;
  /** less is the QueueSort plugin's order. */
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean;
  /** preEnqueue runs the pod's profile's PreEnqueue plugins. */
  preEnqueue(pod: Pod): Status | null;
  /** eventsOf lists the events a plugin of the pod's profile registered. */
  eventsOf(pod: Pod, plugin: string): readonly ClusterEventWithHint[];
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** maxInUnschedulableMs is podMaxInUnschedulablePodsDuration (5 minutes). */
  maxInUnschedulableMs: number;
  /** popFromBackoffQ is the SchedulerPopFromBackoffQ feature (on in 1.34): an idle activeQ takes from backoffQ. */
  popFromBackoffQ: boolean;
  /** liveNodeName reads the informer's copy of a pod's spec.nodeName (undefined when deleted). */
  liveNodeName(pod: Pod): string | undefined;
  /** onActive is told when activeQ gets a pod. */
  onActive(): void;
}
