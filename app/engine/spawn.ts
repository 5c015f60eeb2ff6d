import { EngineClient } from './client.ts';

/**
 * spawnEngine starts the engine's Web Worker and returns its client. The URL
 * is written inline so the bundler finds and builds the worker entry.
 */
export function spawnEngine(): { client: EngineClient; worker: Worker } {
  const worker = new Worker(new URL('../../engine/worker/worker.ts', import.meta.url), { type: 'module', name: 'kubelab-engine' });
  return { client: new EngineClient(worker as unknown as ConstructorParameters<typeof EngineClient>[0]), worker };
}
