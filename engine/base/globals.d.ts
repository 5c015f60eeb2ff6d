/**
 * Globals that exist in every runtime the engine runs in (Web Workers and
 * Node ≥ 20) but are not part of the ES2022 lib the engine compiles against.
 * Only these may be used; DOM and Node APIs stay out of engine/.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare function queueMicrotask(cb: () => void): void;
