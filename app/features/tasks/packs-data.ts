/**
 * Every shipped pack file as text, in one module: the task panel imports it
 * once, as a single chunk, instead of one request per exercise while the lab
 * is starting.
 */
export const PACK_FILES = import.meta.glob('../../../exercises/packs/*/*.{yaml,yml,md}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
