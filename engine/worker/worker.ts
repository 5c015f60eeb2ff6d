/// <reference lib="webworker" />
/**
 * The engine's Web Worker entry: it serves EngineApi over postMessage
 * (protocol in messages.ts) and drives simulated time from the wall clock.
 * The only file of the engine that sees worker globals.
 */
import { createLab } from '../lab/index.ts';
import type { CallMessage, FromWorker } from './messages.ts';
import { EngineServer } from './server.ts';

declare const self: DedicatedWorkerGlobalScope;

/**
 * yieldToHost lets the worker's event loop run (incoming calls, Ctrl-C)
 * while the engine pumps simulated time. A MessageChannel message is a
 * macrotask without setTimeout's 4 ms clamp.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

// The shell's parser (a large module of its own) is requested by the boot, not here: requested at start-up,
// its compile could land just before the first boot's call and hold it back (engine/lab/lab.ts).

const server = new EngineServer(createLab, (msgs: FromWorker[], transfer) => self.postMessage(msgs, transfer), yieldToHost);

self.onmessage = (e: MessageEvent<CallMessage>) => void server.handle(e.data);
self.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  server.fatal(e.reason);
});

/** TICK_MS is how often simulated time catches up with the wall clock. */
const TICK_MS = 50;
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  server.tick(now - last);
  last = now;
}, TICK_MS);

server.ready();
