/**
 * The message protocol between the UI's main thread and the engine's Web
 * Worker. Every EngineApi call is a `call` with an id; the worker answers it
 * with exactly one `reply` carrying the same id, either a value or a
 * serialised error. Engine events travel as `event` messages, in the order the
 * engine emitted them, so a reply always arrives after the output its call
 * produced. Everything here is structured-clone data: types only.
 */
import type { EngineApi, EngineEvent } from '../protocol/api.ts';

/** Method is the name of one EngineApi call. */
export type Method = keyof EngineApi;

/** CallMessage asks the worker to run one EngineApi method. */
export interface CallMessage<M extends Method = Method> {
  kind: 'call';
  id: number;
  method: M;
  args: Parameters<NonNullable<EngineApi[M]>>;
}

/** SerializedError is an Error flattened for postMessage and rebuilt on the other side. */
export interface SerializedError {
  name: string;
  message: string;
  /** code is a machine-readable reason when the engine has one (e.g. 'NotBooted'). */
  code?: string;
  stack?: string;
}

/** ReplyMessage answers the call with the same id. */
export type ReplyMessage =
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: SerializedError };

/** EventMessage carries one EngineEvent to the UI. */
export interface EventMessage {
  kind: 'event';
  event: EngineEvent;
}

/** ReadyMessage is the worker's first message: its module graph loaded and it accepts calls. */
export interface ReadyMessage {
  kind: 'ready';
}

/** FatalMessage reports an error the worker could not attach to a call (it keeps running). */
export interface FatalMessage {
  kind: 'fatal';
  error: SerializedError;
}

/** ToWorker is every message the main thread sends. */
export type ToWorker = CallMessage;

/** FromWorker is every message the worker sends. */
export type FromWorker = ReplyMessage | EventMessage | ReadyMessage | FatalMessage;

/**
 * WorkerBatch is what one postMessage from the worker carries: the messages
 * of one burst of work, in order (see outbox.ts).
 */
export type WorkerBatch = FromWorker[];
