import { expect, type Page } from '@playwright/test';
import type { EngineEvent } from '../engine/protocol/api.ts';

/** Hooks is what the page exposes to tests with ?testhooks (app/test-hooks.ts). */
interface Hooks {
  buffer(): string;
  mode(): string | undefined;
  graphNodes(): string[];
  inject(e: EngineEvent): void;
  killEngine(): void;
}

declare global {
  interface Window {
    __kubelab?: Hooks;
    __cy?: { nodes(): { length: number; map<T>(f: (n: { data(k: string): unknown; id(): string; renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number } }) => T): T[] } };
    __monaco?: unknown;
  }
}

/** PROMPT_RE matches a bash prompt line as the lab prints it (user@host:dir$ ). */
export const PROMPT_RE = /^[a-z_][\w-]*@[\w.-]+:[^$#]*[$#] /;

/** open loads the lab with test hooks and waits for the first prompt. */
export async function open(page: Page, path = '/?testhooks'): Promise<void> {
  await page.goto(path);
  await waitForPrompt(page);
}

/** buffer is the active terminal's text. */
export async function buffer(page: Page): Promise<string> {
  return page.evaluate(() => window.__kubelab?.buffer() ?? '');
}

/** waitForPrompt waits until the terminal edits a line at a prompt. */
export async function waitForPrompt(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.__kubelab?.mode()), { timeout: 30_000 }).toBe('edit');
}

/** focusTerminal puts the keyboard into the terminal. */
export async function focusTerminal(page: Page): Promise<void> {
  await page.locator('[data-testid=terminal] .xterm-helper-textarea').focus();
}

/** run types a command, presses Enter and waits for the next prompt. */
export async function run(page: Page, command: string): Promise<void> {
  await focusTerminal(page);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(50);
  await waitForPrompt(page);
}

/** promptLine is the prompt the terminal shows now (its last line). */
export async function promptLine(page: Page): Promise<string> {
  return (await buffer(page)).split('\n').at(-1) ?? '';
}

/** outputOf returns what the last `command` printed: the lines between its prompt line and the next prompt. */
export async function outputOf(page: Page, command: string): Promise<string> {
  const lines = (await buffer(page)).split('\n');
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = PROMPT_RE.exec(lines[i]!);
    if (m && lines[i]!.slice(m[0].length) === command) {
      start = i;
      break;
    }
  }
  if (start < 0) throw new Error(`"${command}" not found in the terminal:\n${lines.join('\n')}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => PROMPT_RE.test(l));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

/** shot saves a screenshot under test-results/screenshots/. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
