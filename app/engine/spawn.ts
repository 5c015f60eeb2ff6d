import { EngineClient } from './client.ts';
import { EngineSupervisor } from './supervisor.ts';

/** newWorker starts the engine's Web Worker. The URL is written inline so the bundler finds and builds the worker entry. */
function newWorker(): Worker {
  return new Worker(new URL('../../engine/worker/worker.ts', import.meta.url), { type: 'module', name: 'kubelab-engine' });
}

/** spawnEngine starts the engine's worker and returns its client, under a supervisor that restarts a dead worker. */
export function spawnEngine(): { client: EngineClient; supervisor: EngineSupervisor } {
  const worker = newWorker();
  const client = new EngineClient(worker as unknown as ConstructorParameters<typeof EngineClient>[0]);
  return { client, supervisor: new EngineSupervisor(client, worker, newWorker) };
}
