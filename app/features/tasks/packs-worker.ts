/**
 * A short-lived worker that parses the shipped packs (some hundred YAML files)
 * and posts them back as plain data: parsing them on the page's thread would
 * stall the terminal for half a second just after the first prompt.
 */
import { PACK_FILES } from './packs-data.ts';
import { parsePacks } from './parse-packs.ts';

(globalThis as unknown as { postMessage(m: unknown): void }).postMessage(parsePacks(PACK_FILES));
