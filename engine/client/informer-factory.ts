import type { Runtime } from '../base/runtime.ts';
import type { ApiClient, ResourceRef } from './client.ts';
import { Informer, type InformerOptions } from './informer.ts';

/**
 * SharedInformerFactory hands out one Informer per resource (and options), so
 * the controllers of one process share their caches as client-go's factory does.
 */
export class SharedInformerFactory {
  private informers = new Map<string, Informer>();
  private started = false;

  constructor(
    private readonly client: ApiClient,
    private readonly runtime: Runtime,
  ) {}

  /** informer returns the shared informer for ref (created on first use; started if the factory runs). */
  informer(ref: ResourceRef, opts: InformerOptions = {}): Informer {
    const key = `${ref.group}/${ref.version}/${ref.plural}?${opts.namespace ?? ''}&${opts.labelSelector ?? ''}&${opts.fieldSelector ?? ''}`;
    let inf = this.informers.get(key);
    if (!inf) {
      inf = new Informer(this.client, ref, this.runtime, opts);
      this.informers.set(key, inf);
      if (this.started) inf.start();
    }
    return inf;
  }

  start(): void {
    this.started = true;
    for (const i of this.informers.values()) i.start();
  }

  stop(): void {
    this.started = false;
    for (const i of this.informers.values()) i.stop();
  }

  /** synced is true when every informer has loaded its first list. */
  synced(): boolean {
    return [...this.informers.values()].every((i) => i.synced);
  }
}
