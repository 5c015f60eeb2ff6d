import type { EngineEvent } from '../protocol/api.ts';
import type { FromWorker } from './messages.ts';

/**
 * Outbox queues the worker's outgoing messages and posts them at the end of
 * the current microtask burst. A command that prints line by line produces
 * many 'output' events; adjacent ones for the same session and stream are
 * merged so the main thread gets one message per burst, not one per write.
 * Order is kept: a reply never overtakes the output emitted before it.
 */
export class Outbox {
  private queue: FromWorker[] = [];
  private transfer: Transferable[] = [];
  private scheduled = false;

  constructor(private readonly post: (msgs: FromWorker[], transfer: Transferable[]) => void) {}

  /** event queues one engine event, merging it into the previous output event when it can. */
  event(e: EngineEvent): void {
    const last = this.queue[this.queue.length - 1];
    if (e.type === 'output' && last?.kind === 'event' && last.event.type === 'output' && last.event.session === e.session && last.event.stream === e.stream) {
      last.event = { ...last.event, data: last.event.data + e.data };
    } else {
      this.queue.push({ kind: 'event', event: e });
    }
    this.schedule();
  }

  /** send queues any other message, with the buffers it may transfer. */
  send(msg: FromWorker, transfer: Transferable[] = []): void {
    this.queue.push(msg);
    this.transfer.push(...transfer);
    this.schedule();
  }

  /** flush posts everything queued now. */
  flush(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const msgs = this.queue;
    const transfer = this.transfer;
    this.queue = [];
    this.transfer = [];
    this.post(msgs, transfer);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }
}
