import type { SerializedError } from '../../engine/worker/messages.ts';

/** EngineError is an error thrown inside the engine, rebuilt on the main thread. */
export class EngineError extends Error {
  /** code is the engine's machine-readable reason, when it gave one. */
  readonly code: string | undefined;
  /** remoteStack is the stack trace inside the worker, for the console. */
  readonly remoteStack: string | undefined;

  constructor(e: SerializedError) {
    super(e.message);
    this.name = e.name || 'Error';
    this.code = e.code;
    this.remoteStack = e.stack;
  }
}

/** isUnsupported tells whether an error says the engine lacks an optional call. */
export function isUnsupported(err: unknown): boolean {
  return err instanceof EngineError && err.code === 'Unsupported';
}
