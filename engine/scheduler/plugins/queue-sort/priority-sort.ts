import type { Handle, QueueSortPlugin } from '../../framework/interfaces.ts';
import { Names } from '../names.ts';

/** PrioritySort orders activeQ by priority (higher first), then by the time a pod entered the queue. */
export function prioritySort(_args: Record<string, unknown>, _h: Handle): QueueSortPlugin {
  return {
    name: Names.PrioritySort,
    less(a, b) {
      const p1 = a.podInfo.priority;
      const p2 = b.podInfo.priority;
      return p1 > p2 || (p1 === p2 && (a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.seq < b.seq)));
    },
  };
}
