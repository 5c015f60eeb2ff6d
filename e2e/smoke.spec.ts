import { expect, test } from '@playwright/test';
import { open, PROMPT_RE, promptLine, shot } from './helpers.ts';

// The fast check: the page loads under its Content-Security-Policy without errors,
// the engine worker boots a lab, and the terminal shows the exam's prompt.
test('the lab loads and shows a prompt', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await open(page);
  expect(await promptLine(page)).toMatch(new RegExp(PROMPT_RE.source + '$'));
  expect(await promptLine(page)).toMatch(/^candidate@/);
  await expect(page.getByRole('region', { name: 'Terminal' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Topology' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reset lab' })).toBeVisible();
  await shot(page, 'smoke');
  expect(problems).toEqual([]);
});
